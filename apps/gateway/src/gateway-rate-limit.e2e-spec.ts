import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Redis from 'ioredis';
import { createContractValidator, deleteKeysUnder, testEnv, testKeyPrefix, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import { startStubUpstreams, type StubUpstreams } from './testing/stub-upstreams';
import { TEST_IDENTITY_KEY, TEST_SECRET, tokenFor } from './testing/tokens';

/** Every refusal the gateway writes must be in the v1 contract (status, body, error code). */
const contract = createContractValidator();

const ROOT = join(__dirname, '../../..');

function startGateway(env: Record<string, string | undefined>): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/gateway/src/main.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'), ...env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${out}`)), 60_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: `http://127.0.0.1:${match[1]}` });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`gateway exited (${code}):\n${out}`)));
  });
}

describe('rate limits across two gateway processes sharing Redis', () => {
  let stubs: StubUpstreams;
  let gateways: { child: ChildProcess; url: string }[];
  const redis = new Redis(testRedisUrl());

  beforeAll(async () => {
    stubs = await startStubUpstreams();
    const env = testEnv('redis', {
      ...stubs.env,
      GATEWAY_PORT: '0',
      AUTH_MODE: 'enforce',
      JWT_SECRET: TEST_SECRET,
      EDGE_IDENTITY_KEY: TEST_IDENTITY_KEY,
      GATEWAY_RATE_PREFIX: uniquePrefix('rl'),
      GATEWAY_RATE_LIMIT_STRICT: '5',
      GATEWAY_RATE_LIMIT_DEFAULT: '20',
    });
    gateways = await Promise.all([startGateway(env), startGateway(env)]);
  }, 90_000);
  afterAll(async () => {
    for (const g of gateways ?? []) g.child.kill('SIGTERM');
    await stubs.close();
    await deleteKeysUnder(redis, testKeyPrefix());
    redis.disconnect();
  });

  const hammer = async (count: number, path: string, init: RequestInit) => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    let code: string | undefined;
    for (let i = 0; i < count; i++) {
      const res = await fetch(`${gateways[i % 2].url}${path}`, init);
      statuses.push(res.status);
      const body = (await res.json()) as { error?: { code: string } };
      if (res.status === 429) {
        contract.assert({ method: String(init.method ?? 'GET'), path, status: res.status, body });
        retryAfter = res.headers.get('retry-after');
        code = body.error?.code;
      }
    }
    return { ok: statuses.filter((s) => s === 200).length, limited: statuses.filter((s) => s === 429).length, retryAfter, code };
  };

  it('holds the strict limit in total (per client IP) on login', async () => {
    const result = await hammer(12, '/v1/parents/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(result).toMatchObject({ ok: 5, limited: 7, code: 'rate_limited' });
    expect(Number(result.retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('holds the default limit per principal, separately for each principal', async () => {
    const a = await hammer(26, '/v1/catalog/episodes/e1', {
      headers: { authorization: `Bearer ${await tokenFor('parent', { sub: 'rl-parent-a' })}` },
    });
    expect(a).toMatchObject({ ok: 20, limited: 6 });
    const b = await hammer(3, '/v1/catalog/episodes/e1', {
      headers: { authorization: `Bearer ${await tokenFor('parent', { sub: 'rl-parent-b' })}` },
    });
    expect(b).toMatchObject({ ok: 3, limited: 0 });
  });
});
