import { describe, expect, it } from 'vitest';
import { ApiError } from './errors';
import { jobPath, pollJob, type JobProgress, type Reply } from './jobs';

const LOCATION = 'http://127.0.0.1:8080/zstack/v1/api-jobs/0123456789abcdef0123456789abcdef';

function scripted(replies: Reply[]) {
  const paths: string[] = [];
  return { paths, get: async (p: string) => { paths.push(p); return replies.shift()!; } };
}

describe('job polling', () => {
  it('takes the path of a job location', () => {
    expect(jobPath(LOCATION)).toBe('/api-jobs/0123456789abcdef0123456789abcdef');
    expect(() => jobPath('http://x/other')).toThrow(ApiError);
  });

  it('reports progress while 202 and returns the 200 result', async () => {
    const s = scripted([
      { status: 202, body: { state: 'Waiting', progress: 0 } },
      { status: 202, body: { state: 'Running', progress: 40, currentStep: 'allocate-host' } },
      { status: 200, body: { inventory: { uuid: 'v1' } } },
    ]);
    const seen: JobProgress[] = [];
    const sleeps: number[] = [];
    const result = await pollJob(LOCATION, { get: s.get, onProgress: (p) => seen.push(p), sleep: async (ms) => { sleeps.push(ms); } });
    expect(result).toEqual({ inventory: { uuid: 'v1' } });
    expect(s.paths).toEqual(Array(3).fill('/api-jobs/0123456789abcdef0123456789abcdef'));
    expect(seen.map((p) => p.progress)).toEqual([0, 40, 100]);
    expect(seen[1].currentStep).toBe('allocate-host');
    expect(sleeps).toEqual([500, 750]);
  });

  it('throws the API error of a failed job', async () => {
    const s = scripted([{ status: 503, body: { error: { code: 'SYS.1001', description: 'The operation failed', details: 'step allocate-host: no host' } } }]);
    await expect(pollJob(LOCATION, { get: s.get, sleep: async () => undefined })).rejects.toMatchObject({
      status: 503, code: 'SYS.1001', details: 'step allocate-host: no host',
    });
  });

  it('gives up after its timeout without pretending the job failed', async () => {
    let now = 0;
    const get = async () => ({ status: 202, body: { progress: 10 } });
    await expect(pollJob(LOCATION, { get, timeoutMs: 1000, now: () => now, sleep: async (ms) => { now += ms; } }))
      .rejects.toMatchObject({ code: 'CONSOLE.TIMEOUT' });
  });

  it('stops when aborted', async () => {
    const c = new AbortController();
    c.abort();
    await expect(pollJob(LOCATION, { get: async () => ({ status: 202, body: {} }), signal: c.signal })).rejects.toMatchObject({ code: 'CONSOLE.ABORTED' });
  });
});
