import { API_ROOT, currentSession } from './client';

/** One resource event of the SSE stream GET /zstack/v1/events. */
export interface ResourceEvent {
  type: 'CREATED' | 'UPDATED' | 'DELETED' | 'STATE_CHANGED';
  resourceType: string;
  resourceUuid: string;
  inventory?: Record<string, unknown>;
  oldState?: string;
  newState?: string;
  time: string;
}

/** Normalizes a resource type name ("VmInstanceVO", "vm-instance", "vmInstance" → "vminstance"). */
export function normalizeType(t: string): string {
  return t.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/(vo|inventory)$/, '');
}

/** True when an event is about one of these resource types. */
export function concerns(event: ResourceEvent, types: string[]): boolean {
  const t = normalizeType(event.resourceType);
  return types.some((x) => normalizeType(x) === t);
}

export interface EventStreamHandlers {
  onEvent: (e: ResourceEvent) => void;
  onSessionExpired: () => void;
  onStatus?: (connected: boolean) => void;
}

/** Opens the event stream with the current session; returns a function that closes it. */
export function openEventStream(h: EventStreamHandlers): () => void {
  const session = currentSession();
  if (!session || typeof EventSource === 'undefined') return () => undefined;
  const source = new EventSource(`${API_ROOT}/events?session=${encodeURIComponent(session.uuid)}`);
  source.onopen = () => h.onStatus?.(true);
  source.onerror = () => h.onStatus?.(false);
  source.addEventListener('resource', (m) => {
    try {
      h.onEvent(JSON.parse((m as MessageEvent).data) as ResourceEvent);
    } catch {
      // a malformed event is skipped
    }
  });
  source.addEventListener('session-expired', () => {
    source.close();
    h.onSessionExpired();
  });
  return () => source.close();
}
