import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { concerns, openEventStream, type ResourceEvent } from '../api/events';

type Listener = (e: ResourceEvent) => void;

interface Events {
  recent: ResourceEvent[];
  connected: boolean;
  subscribe: (l: Listener) => () => void;
}

const Ctx = createContext<Events>({ recent: [], connected: false, subscribe: () => () => undefined });

/** Holds the SSE stream of the logged-in session; pages subscribe to refresh. */
export function EventsProvider({ session, onExpired, children }: { session: string; onExpired: () => void; children: ReactNode }) {
  const listeners = useRef(new Set<Listener>());
  const [recent, setRecent] = useState<ResourceEvent[]>([]);
  const [connected, setConnected] = useState(false);
  useEffect(
    () =>
      openEventStream({
        onEvent: (e) => {
          setRecent((r) => [e, ...r].slice(0, 30));
          listeners.current.forEach((l) => l(e));
        },
        onSessionExpired: onExpired,
        onStatus: setConnected,
      }),
    [session, onExpired],
  );
  const value = useMemo<Events>(() => ({
    recent,
    connected,
    subscribe: (l) => {
      listeners.current.add(l);
      return () => listeners.current.delete(l);
    },
  }), [recent, connected]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useEvents(): Events {
  return useContext(Ctx);
}

/** Calls `refresh` (debounced) when an event about one of `types` arrives. */
export function useLiveRefresh(types: string[], refresh: () => void): void {
  const { subscribe } = useEvents();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const key = types.join(',');
  useEffect(() => {
    const off = subscribe((e) => {
      if (!concerns(e, types)) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(refresh, 300);
    });
    return () => {
      off();
      clearTimeout(timer.current);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [subscribe, key, refresh]);
}
