import { SignJWT } from 'jose';
import { createContractValidator, startServices, testEnv, type ServiceProcesses } from '@mikasmissions/testing';
import { startPlaybackHarness, type PlaybackHarness } from './testing/playback-harness';

const SECRET = 'playback-gateway-test-secret-long-enough-0123';
const contract = createContractValidator();

const token = (claims: Record<string, unknown>) =>
  new SignJWT({ exp: Math.floor(Date.now() / 1000) + 300, ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(SECRET));

// Seed 000's smoke step 11 (the playback session) through the public edge, then the stream a browser would play.
describe('playback through the gateway (gateway and playback both AUTH_MODE=enforce)', () => {
  let h: PlaybackHarness;
  let gateway: ServiceProcesses;
  let edge: string;

  beforeAll(async () => {
    h = await startPlaybackHarness('fastify', 'memory', { AUTH_MODE: 'enforce' });
    gateway = await startServices(['gateway'], testEnv('memory', { AUTH_MODE: 'enforce', JWT_SECRET: SECRET, PLAYBACK_URL: h.origin }));
    edge = gateway.urls.gateway;
  }, 90_000);
  afterAll(async () => {
    await gateway?.stop();
    await h.close();
  });

  const start = async (body: unknown, bearer?: string) => {
    const res = await fetch(`${edge}/v1/playback/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = await res.json();
    contract.assert({ method: 'POST', path: '/v1/playback/sessions', status: res.status, body: json });
    return { status: res.status, body: json };
  };

  it('a parent token starts a session whose stream_url plays through the edge without a token; no token is 401', async () => {
    const { child, parent } = h.family('gw');
    const body = { child_profile_id: child, episode_id: 'ep-1', device_type: 'web' };
    expect((await start(body)).body.error.code).toBe('missing_token');
    const bearer = await token({ sub: parent, mm_role: 'parent' });
    const other = await token({ sub: 'parent-stranger', mm_role: 'parent' });
    expect((await start(body, other)).body.error.code).toBe('child_profile_forbidden');
    const ok = await start(body, bearer);
    expect(ok.status).toBe(201);
    expect(ok.body.stream_url.startsWith(`${edge}/v1/playback/streams/${ok.body.playback_session_id}/index.m3u8?`)).toBe(true);

    const playlist = await fetch(ok.body.stream_url);
    expect(playlist.status).toBe(200);
    const segment = (await playlist.text()).split('\n').find((line) => line.startsWith('seg'))!;
    const seg = await fetch(new URL(segment, ok.body.stream_url));
    expect([seg.status, seg.headers.get('content-type')]).toEqual([200, expect.stringContaining('video/mp2t')]);
    const forged = await fetch(ok.body.stream_url.replace(/sig=[^&]+/, 'sig=forged'));
    const forgedBody = await forged.json();
    expect([forged.status, forgedBody.error.code]).toEqual([403, 'invalid_stream_signature']);
  });
});
