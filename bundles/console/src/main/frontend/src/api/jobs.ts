import { ApiError, toApiError } from './errors';

/** What GET /api-jobs/<id> says while a job runs. */
export interface JobProgress {
  state?: string;
  progress?: number;
  currentStep?: string;
}

export interface Reply {
  status: number;
  body: unknown;
}

export interface PollOptions {
  /** GETs a path of the API and returns status and parsed body. */
  get: (path: string) => Promise<Reply>;
  onProgress?: (p: JobProgress) => void;
  intervalMs?: number;
  /** Gives up after this long (the job goes on on the server). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  signal?: AbortSignal;
}

/** @returns the path below /zstack/v1 of a job location (an absolute URL the server wrote) */
export function jobPath(location: string): string {
  const m = /\/zstack\/v1(\/api-jobs\/[^/?#]+)/.exec(location);
  if (!m) throw new ApiError(0, 'CONSOLE.JOB', 'Not a job location', location);
  return m[1];
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls a job until it finishes: 202 reports progress and waits, 200 returns the result, anything else throws the
 * API's error (a failed job answers 503 with the error naming the step).
 */
export async function pollJob(location: string, o: PollOptions): Promise<unknown> {
  const path = jobPath(location);
  const sleep = o.sleep ?? defaultSleep;
  const now = o.now ?? Date.now;
  const deadline = now() + (o.timeoutMs ?? 30 * 60_000);
  let interval = o.intervalMs ?? 500;
  for (;;) {
    if (o.signal?.aborted) throw new ApiError(0, 'CONSOLE.ABORTED', 'Stopped watching the job', location);
    const r = await o.get(path);
    if (r.status === 200) {
      o.onProgress?.({ state: 'Succeeded', progress: 100 });
      return r.body;
    }
    if (r.status !== 202) throw toApiError(r.status, r.body);
    const b = (r.body ?? {}) as JobProgress;
    o.onProgress?.({ state: b.state, progress: typeof b.progress === 'number' ? b.progress : undefined, currentStep: b.currentStep });
    if (now() >= deadline) throw new ApiError(0, 'CONSOLE.TIMEOUT', 'The job is still running', location);
    await sleep(interval);
    interval = Math.min(interval * 1.5, 3000);
  }
}
