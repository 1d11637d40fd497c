import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startMaintenance, type PeriodicTask } from '../src/lib/maintenance.ts';

/** The one scheduler of periodic work (lib/maintenance.ts), on fake timers: no database. */
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const counting = (name: string, everyMs: number, run: () => Promise<unknown> = async () => {}) => {
  const task = { name, everyMs, runs: 0, run: async () => {} } as PeriodicTask & { runs: number };
  task.run = async () => {
    task.runs++;
    return run();
  };
  return task;
};

describe('the maintenance loop', () => {
  it('runs every task at start, then each on its own period, from one timer', async () => {
    const fast = counting('fast', 10_000);
    const slow = counting('slow', 60 * 60_000);
    const stop = startMaintenance([fast, slow], { warn: () => {} });
    await vi.advanceTimersByTimeAsync(0);
    expect([fast.runs, slow.runs]).toEqual([1, 1]);
    expect(vi.getTimerCount()).toBe(1);
    await vi.advanceTimersByTimeAsync(60_000);
    expect([fast.runs, slow.runs]).toEqual([7, 1]);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect([fast.runs, slow.runs]).toEqual([367, 2]);
    stop();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fast.runs).toBe(367);
  });

  it('logs a failing task and keeps running it, and never runs a task twice at once', async () => {
    const warn = vi.fn();
    const failing = counting('failing', 1_000, async () => {
      throw new Error('database away');
    });
    let release = () => {};
    const long = counting('long', 1_000, () => new Promise<void>((r) => (release = r)));
    const stop = startMaintenance([failing, long], { warn });
    await vi.advanceTimersByTimeAsync(5_500);
    expect(failing.runs).toBe(6);
    expect(warn).toHaveBeenCalledWith(expect.objectContaining({ task: 'failing' }), 'maintenance task failed');
    // Still running after five periods: started once.
    expect(long.runs).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    // Overdue: it starts again as soon as it ends.
    expect(long.runs).toBe(2);
    stop();
  });
});
