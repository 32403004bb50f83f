import type { INestApplication } from '@nestjs/common';
import { ADAPTERS, baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { AppModule } from './app.module';

const PREFIX = 'api/v1/analytics';

describe.each(ADAPTERS)('bad input on analytics (%s, Postgres)', (adapter) => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await bootApp(AppModule, { adapter, env: testEnv('postgres'), globalPrefix: PREFIX });
    url = await baseUrl(app, PREFIX);
  });
  afterAll(() => app.close());

  it.each([
    ['GET', '/events?type=%00'],
    ['GET', '/admin/auth/rebac?subject=%00'],
    ['GET', '/admin/auth/audit?principal=%00'],
    ['DELETE', '/admin/auth/users/u/roles/r%00'],
    ['GET', '/events?type=a%1Bb'],
  ])('answers %s %s with 400 invalid_characters before it reaches Postgres', async (method, path) => {
    const res = await fetch(`${url}${path}`, { method });
    expect(res.status).toBe(400);
    expect(res.headers.get('retry-after')).toBeNull();
    expect((await res.json()).error).toMatchObject({ code: 'invalid_characters', requestId: expect.any(String) });
  });

  it('refuses a NUL, a duplicate key and an out-of-range number in an event body', async () => {
    const post = (body: string) => fetch(`${url}/events`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answers = await Promise.all([
      post('{"type":"play","payload":{"t":"a\\u0000b"}}'),
      post('{"type":"play","type":"pause"}'),
      post('{"type":"play","payload":{"score":1e309}}'),
    ]);
    const codes = await Promise.all(answers.map(async (r) => [r.status, (await r.json()).error.code]));
    expect(codes).toEqual([
      [400, 'invalid_json_string'],
      [400, 'duplicate_json_key'],
      [400, 'json_number_out_of_range'],
    ]);
  });

  it('keys the events cache on the validated query: unknown parameters make no new entries', async () => {
    const headers = { 'x-tenant-id': `junk${adapter}${Date.now()}`.slice(0, 60) };
    const first = await fetch(`${url}/events?type=play&limit=5`, { headers });
    expect(first.headers.get('x-cache')).toBe('MISS');
    const junk = await Promise.all(
      Array.from({ length: 100 }, (_, i) => fetch(`${url}/events?junk=${i}-${Math.random()}&limit=5&type=play`, { headers })),
    );
    expect(junk.every((r) => r.status === 200)).toBe(true);
    expect(new Set(junk.map((r) => r.headers.get('x-cache')))).toEqual(new Set(['HIT']));
    expect((await fetch(`${url}/events?type=pause&limit=5`, { headers })).headers.get('x-cache')).toBe('MISS');
  });
});
