// Resident set size of a child process, read from /proc (Linux). Polled from outside rather than
// reported by the server, so every server is measured the same way and none needs instrumenting.
import { readFileSync } from 'node:fs';

/** VmRSS in MB, or NaN when /proc is unavailable or the process is gone. */
export function readRssMb(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export type RssSampler = {
  /** Stops sampling; returns every sample taken, in order. */
  stop: () => number[];
};

export function sampleRss(pid: number, intervalMs: number): RssSampler {
  const samples: number[] = [];
  const take = () => {
    const mb = readRssMb(pid);
    if (!Number.isNaN(mb)) samples.push(mb);
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

/** The direct children of a process (a supervisor's workers), from /proc. */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** The process that serves: a supervisor's first worker, or the process itself if it has none. */
export function servingPid(pid: number): number {
  return childPids(pid)[0] ?? pid;
}
