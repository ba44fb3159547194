import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { JobProgress } from '../api/jobs';

export interface TrackedJob {
  id: number;
  label: string;
  state: 'running' | 'succeeded' | 'failed';
  progress: number;
  currentStep?: string;
  error?: unknown;
  started: number;
  finished?: number;
}

interface Jobs {
  jobs: TrackedJob[];
  /** Runs work that reports job progress, tracking it in the jobs panel; rethrows its error. */
  run: <T>(label: string, work: (onProgress: (p: JobProgress) => void) => Promise<T>) => Promise<T>;
  clear: () => void;
}

const Ctx = createContext<Jobs>({ jobs: [], run: (_l, w) => w(() => undefined), clear: () => undefined });
let nextId = 1;

export function JobsProvider({ children }: { children: ReactNode }) {
  const [jobs, setJobs] = useState<TrackedJob[]>([]);
  const update = (id: number, patch: Partial<TrackedJob>) =>
    setJobs((all) => all.map((j) => (j.id === id ? { ...j, ...patch } : j)));
  const run = useCallback(async <T,>(label: string, work: (onProgress: (p: JobProgress) => void) => Promise<T>) => {
    const id = nextId++;
    setJobs((all) => [{ id, label, state: 'running' as const, progress: 0, started: Date.now() }, ...all].slice(0, 50));
    try {
      const result = await work((p) => update(id, { progress: p.progress ?? 0, currentStep: p.currentStep }));
      update(id, { state: 'succeeded', progress: 100, currentStep: undefined, finished: Date.now() });
      return result;
    } catch (error) {
      update(id, { state: 'failed', error, finished: Date.now() });
      throw error;
    }
  }, []);
  const value = useMemo(() => ({ jobs, run, clear: () => setJobs((all) => all.filter((j) => j.state === 'running')) }), [jobs, run]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useJobs(): Jobs {
  return useContext(Ctx);
}
