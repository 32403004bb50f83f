import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** One generate call the fake NIM received (its `GET /fake/calls`). */
export interface FakeNimCallRecord {
  run_id: string | null;
  idempotency_key: string | null;
  safety_preset: string | null;
  mode: string;
  status: number;
  replayed: boolean;
  started_at: string;
  finished_at: string | null;
}

/** tools/fake-nim running as a process (see {@link startFakeNim}). */
export interface FakeNimProcess {
  url: string;
  /** Every generate call so far, oldest first. */
  calls(): Promise<FakeNimCallRecord[]>;
  /** The calls of one run. */
  callsOf(runId: string): Promise<FakeNimCallRecord[]>;
  /** Sets the mode of requests that name none (`PUT /fake/mode`). */
  setMode(mode: string): Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Test helper: starts `pnpm run fake-nim` (tools/fake-nim) as a real process on a free loopback
 * port, clips under `dir`, and resolves once it prints `fake-nim listening on …`.
 *
 * @example
 * const nim = await startFakeNim({ dir, env: { FAKE_NIM_CLIP_SECONDS: '30' } });
 * await nim.setMode('fail');
 */
export async function startFakeNim(options: { dir: string; env?: Record<string, string> }, timeoutMs = 30_000): Promise<FakeNimProcess> {
  const child: ChildProcess = spawn(process.execPath, ['-r', '@swc-node/register', join('tools', 'fake-nim', 'src', 'fake-nim.cli.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      FAKE_NIM_PORT: '0',
      FAKE_NIM_DIR: options.dir,
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`fake-nim did not start within ${timeoutMs} ms:\n${log}`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`fake-nim exited (${code}):\n${log}`)));
    const watch = () => {
      const found = /fake-nim listening on (http:\/\/[^\s]+)/.exec(log);
      if (!found) return;
      clearTimeout(timer);
      child.stdout?.off('data', watch);
      resolve(found[1]);
    };
    child.stdout?.on('data', watch);
  });
  const calls = async () => ((await (await fetch(`${url}/fake/calls`)).json()) as { calls: FakeNimCallRecord[] }).calls;
  return {
    url,
    calls,
    callsOf: async (runId) => (await calls()).filter((c) => c.run_id === runId),
    setMode: async (mode) => {
      const res = await fetch(`${url}/fake/mode`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ mode }),
      });
      if (!res.ok) throw new Error(`fake-nim refused mode ${mode}: ${res.status}`);
    },
    output: () => log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
