import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { testEnv } from '@mikasmissions/testing';

const ROOT = join(__dirname, '../../..');
const MAIN = join(ROOT, 'apps/analytics/src/main.ts');

interface Started {
  stdout: string;
  stderr: string;
  code: number | null;
  url?: string;
  stop(): Promise<void>;
}

/** Runs the real analytics entry point as a process, as `dev:local` and production do. */
function startAnalytics(env: Record<string, string | undefined>, waitForListen = true): Promise<Started> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', MAIN], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, ANALYTICS_PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result: Started = {
      stdout: '',
      stderr: '',
      code: null,
      stop: () =>
        new Promise((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
    };
    const timer = setTimeout(() => reject(new Error(`analytics did not start: ${result.stdout}${result.stderr}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      result.stdout += chunk.toString();
      const match = result.stdout.match(/listening on (http:\/\/\S+)/);
      if (waitForListen && match && !result.url) {
        result.url = match[1];
        clearTimeout(timer);
        resolve(result);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString()));
    child.on('exit', (code) => {
      result.code = code;
      clearTimeout(timer);
      resolve(result);
    });
  });
}

jest.setTimeout(30_000);

describe('analytics start-up (real process)', () => {
  it('refuses to start with one clear line per bad variable and no stack trace', async () => {
    const run = await startAnalytics({ REDIS_URL: 'not-a-url', USE_FASTIFY: 'sometimes' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[analytics] cannot start. Invalid configuration:');
    expect(run.stderr).toContain('  - JWT_SECRET: required unless both JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are set');
    expect(run.stderr).toContain('  - REDIS_URL: expected a Redis URL (redis:// or rediss://)');
    expect(run.stderr).toContain('  - USE_FASTIFY: expected true or false');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('lists bad variables of its libs (messaging, AuthX) in the same one-pass list as bad core variables', async () => {
    const run = await startAnalytics({ REDIS_URL: 'not-a-url', OUTBOX_RELAY_POLL_MS: 'abc', OTP_TTL_SEC: '0' });
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('listening on');
    const lines = run.stderr.split('\n');
    expect(lines[0]).toBe('[analytics] cannot start. Invalid configuration:');
    expect(lines).toEqual(
      expect.arrayContaining([
        '  - REDIS_URL: expected a Redis URL (redis:// or rediss://)',
        '  - JWT_SECRET: required unless both JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are set',
        '  - OUTBOX_RELAY_POLL_MS: expected a positive integer',
        expect.stringMatching(/^ {2}- OTP_TTL_SEC: /),
      ]),
    );
    expect(lines.filter((l) => l.startsWith('  - '))).toHaveLength(4);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses strict mode when the database is configured but unreachable', async () => {
    const run = await startAnalytics({
      ...testEnv('redis'),
      PERSISTENCE_MODE: 'strict',
      LOG_LEVEL: 'silent',
      DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/nothing',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('[analytics] cannot start: Postgres is unreachable in strict persistence mode');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('starts in strict mode when both stores answer, and serves /ready', async () => {
    const run = await startAnalytics({ ...testEnv('postgres+redis'), PERSISTENCE_MODE: 'strict' });
    try {
      expect(run.url).toBeDefined();
      expect(run.stdout).toContain('persistence=strict');
      let ready: { status?: string; details?: unknown } = {};
      for (let attempt = 0; attempt < 40 && ready.status !== 'ok'; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 250));
        ready = await (await fetch(`${run.url}/ready`)).json();
      }
      expect(ready.status).toBe('ok');
      expect(ready.details).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
    } finally {
      await run.stop();
    }
  });

  it('exports traces over OTLP/HTTP when OTEL_EXPORTER_OTLP_TRACES_ENDPOINT is set', async () => {
    const received: string[] = [];
    const collector: Server = createServer((req, res) => {
      received.push(`${req.method} ${req.url}`);
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
    const port = (collector.address() as AddressInfo).port;
    const run = await startAnalytics({
      ...testEnv('memory'),
      OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `http://127.0.0.1:${port}/v1/traces`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    try {
      await fetch(`${run.url}/me`);
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(received).toContain('POST /v1/traces');
    } finally {
      await run.stop();
      collector.close();
    }
  });

  it('loads no OpenTelemetry module when the endpoint is not set', async () => {
    const probe = join(ROOT, 'tmp', `otel-probe-${process.pid}.ts`);
    mkdirSync(dirname(probe), { recursive: true });
    writeFileSync(
      probe,
      `import 'reflect-metadata';
      import { createApp } from '@mikasmissions/http';
      import { startTracing } from '@mikasmissions/context';
      import { loadConfig } from '@mikasmissions/config';
      import { AppModule } from '../apps/analytics/src/app.module';
      (async () => {
        const config = loadConfig(process.env);
        startTracing(config, 'analytics');
        const app = await createApp(AppModule, { config });
        await app.listen(0, '127.0.0.1');
        const loaded = Object.keys(require.cache).filter((k) => k.includes('@opentelemetry'));
        await app.close();
        process.stdout.write('OTEL_MODULES=' + loaded.length + '\\n');
      })();`,
    );
    const out = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, ['-r', '@swc-node/register', probe], {
        cwd: ROOT,
        env: { PATH: process.env.PATH, ...testEnv('memory') },
      });
      let text = '';
      child.stdout.on('data', (c: Buffer) => (text += c.toString()));
      child.stderr.on('data', (c: Buffer) => (text += c.toString()));
      child.on('exit', () => resolve(text));
    });
    rmSync(probe, { force: true });
    expect(out).toContain('OTEL_MODULES=0');
  });
});
