import { ADAPTERS, type TestStores } from '@mikasmissions/testing';
import { type CreatorTestApp, startCreatorApp } from './testing/creator-test-app';

describe.each(ADAPTERS)('creator-studio on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres+redis'])('with %s stores', (stores) => {
    let t: CreatorTestApp;

    beforeAll(async () => {
      t = await startCreatorApp(adapter, stores);
    });
    afterAll(() => t.close());

    it('answers /health and /ready', async () => {
      const health = await t.call('GET', '/v1/health', null, undefined, {}, true);
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok' });
      const ready = await t.call('GET', '/v1/ready', null, undefined, {}, true);
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('ok');
      if (stores !== 'memory') expect(ready.body).toMatchObject({ details: { postgres: { status: 'up' } } });
    });
  });
});
