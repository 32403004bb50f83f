import { GET } from '../src/app/healthz/route';

/**
 * The orchestrators' probe. That `/healthz` passes src/middleware.ts unlocalized with the security
 * headers is checked on the production server (e2e/suites/security-headers.suite.ts).
 */
describe('GET /healthz (src/app/healthz/route.ts)', () => {
  it('answers 200 JSON that no cache keeps', async () => {
    const answer = GET();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toEqual({ status: 'ok', service: 'web' });
  });
});
