import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root. */
export const ROOT = join(__dirname, '../../..');

/** A process the bench started, with its base URL. */
export interface Started {
  name: string;
  child: ChildProcess;
  url: string;
}

/**
 * Starts `entry` (a TypeScript file, run through SWC) with `env` on 127.0.0.1 and resolves once
 * it prints "listening on http://localhost:<port>"; `prefix` is appended to the URL. Later output
 * is read and dropped.
 */
export function startProcess(name: string, entry: string, env: Record<string, string>, prefix = ''): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, entry)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`${name} did not start in 60 s:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = out.match(/listening on http:\/\/localhost:(\d+)/);
      if (match) {
        clearTimeout(timer);
        // Keep draining the pipes (a blocked pipe would stall the app) without keeping the output.
        child.stdout?.off('data', onData).resume();
        child.stderr?.off('data', onData).resume();
        resolve({ name, child, url: `http://127.0.0.1:${match[1]}${prefix ? `/${prefix}` : ''}` });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${name} exited (${code}):\n${out}`)));
  });
}

/** Resident memory of a process in MiB (Linux /proc), or NaN where unreadable. */
export function residentMiB(pid: number | undefined): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1]);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time a process has used so far (user + system, all its threads) in ms, from Linux
 * /proc/<pid>/stat (10 ms ticks), or NaN where unreadable.
 */
export function cpuMs(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/** The median of a list of numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** The per-round figures of one case: req/s, p50 and p99 (ms) of every 1 s round. */
export interface RoundFigures {
  rps: number[];
  p50: number[];
  p99: number[];
}

/**
 * Warms every case up for `warmupSeconds`, then runs `seconds` rounds of 1 s, the cases
 * interleaved within each round (so load drift hits them alike); `round` runs one case for
 * the given seconds and returns autocannon's result.
 */
export async function measureInterleaved<C extends { name: string }>(
  cases: readonly C[],
  seconds: number,
  round: (c: C, seconds: number) => Promise<{ requests: { average: number }; latency: { p50: number; p99: number } }>,
  warmupSeconds = 2,
): Promise<Map<string, RoundFigures>> {
  for (const c of cases) await round(c, warmupSeconds);
  const figures = new Map(cases.map((c) => [c.name, { rps: [], p50: [], p99: [] } as RoundFigures]));
  for (let i = 0; i < seconds; i++) {
    for (const c of cases) {
      const r = await round(c, 1);
      const f = figures.get(c.name)!;
      f.rps.push(r.requests.average);
      f.p50.push(r.latency.p50);
      f.p99.push(r.latency.p99);
    }
  }
  return figures;
}

/** A Markdown table of the medians: `| path | req/s | p50 ms | p99 ms |`, one row per case. */
export function latencyTable(figures: Map<string, RoundFigures>): string[] {
  return [
    '| path | req/s | p50 ms | p99 ms |',
    '| --- | ---: | ---: | ---: |',
    ...[...figures].map(([name, f]) => `| ${name} | ${Math.round(median(f.rps))} | ${median(f.p50)} | ${median(f.p99)} |`),
  ];
}

/** The HS256 secret the benches' apps verify and {@link benchParentToken} signs with. */
export const BENCH_SECRET = 'bench-secret-that-is-long-enough-0123456789';
/** The identity-signing key the benches' gateway and services share. */
export const BENCH_EDGE_KEY = 'bench-edge-identity-key-that-is-long-enough-0';

/** The environment every benched app starts with: memory stores, no logs, enforce mode, the bench keys. */
export const BENCH_APP_ENV = {
  NODE_ENV: 'development',
  LISTEN_HOST: '127.0.0.1',
  PERSISTENCE_MODE: 'memory',
  LOG_LEVEL: 'silent',
  AUTH_MODE: 'enforce',
  EDGE_IDENTITY_KEY: BENCH_EDGE_KEY,
  JWT_SECRET: BENCH_SECRET,
} as const;

/** A one-hour parent bearer token (`sub` = `parent_user_id` = `bench-parent`) signed with {@link BENCH_SECRET}. */
export async function benchParentToken(): Promise<string> {
  const { SignJWT } = await import('jose');
  return new SignJWT({ sub: 'bench-parent', mm_role: 'parent', parent_user_id: 'bench-parent', exp: Math.floor(Date.now() / 1000) + 3600 })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(BENCH_SECRET));
}
