import { ADAPTERS, startFaultProxy, testDatabaseUrl, type FaultProxy } from '@mikasmissions/testing';
import { call, type TestCaller } from './testing/catalog-test.helpers';
import { bootCatalog, type BootedCatalog } from './testing/boot-catalog';

const parent: TestCaller = { role: 'parent', parentUserId: 'parent-outage' };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

jest.setTimeout(30_000);

describe.each(ADAPTERS)('catalog with Postgres down (%s)', (adapter) => {
  let proxy: FaultProxy;
  let c: BootedCatalog;
  const read = async (id: string) => {
    const res = await call(parent, 'GET', `${c.v1}/catalog/episodes/${id}`);
    const body = await res.json();
    c.contract.assert({ method: 'GET', path: `/v1/catalog/episodes/${id}`, status: res.status, body });
    return { status: res.status, body, headers: res.headers };
  };

  beforeAll(async () => {
    const target = new URL(testDatabaseUrl());
    proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port || 5432) });
    c = await bootCatalog(adapter, 'postgres', { DATABASE_URL: proxy.url(testDatabaseUrl()) });
  });
  afterAll(async () => {
    await proxy?.restore();
    await c?.close();
    await proxy?.close();
  });

  it('serves cached episodes, answers 503 store_unavailable with Retry-After for the rest, and recovers by itself', async () => {
    expect((await read('ep-demo-3')).status).toBe(200);
    await proxy.cut();

    const cached = await read('ep-demo-3');
    expect(cached.status).toBe(200);
    expect(cached.headers.get('x-cache')).toBe('HIT');
    const uncached = await read('ep-demo-4');
    expect(uncached.status).toBe(503);
    expect(uncached.body.error.code).toBe('store_unavailable');
    expect(Number(uncached.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    const write = await call({ role: 'service' }, 'POST', `${c.root}/internal/catalog/episodes`, {
      episode_id: 'ep-outage',
      show_id: 's',
      title: 't',
      age_band: '3-5',
      duration_ms: 1,
    });
    expect(write.status).toBe(503);
    expect((await fetch(`${c.v1}/ready`)).status).toBe(503);
    expect((await fetch(`${c.v1}/health`)).status).toBe(200);

    await proxy.restore();
    let again = await read('ep-demo-4');
    for (let i = 0; i < 25 && again.status !== 200; i++) {
      await sleep(200);
      again = await read('ep-demo-4');
    }
    expect(again.status).toBe(200);
  });
});
