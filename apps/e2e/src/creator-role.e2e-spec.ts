import { type ServiceProcesses, createContractValidator, startServices, testEnv } from '@mikasmissions/testing';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gatewayCall, type Json, poll } from './testing/gateway-client';

const contract = createContractValidator();

/** An ISO BMFF header padded to 8 KiB: creator-studio sniffs the container; ingest (not running here) would probe it. */
const clip = (() => {
  const bytes = Buffer.alloc(8192, 3);
  Buffer.from('\0\0\0\x18ftypisom\0\0\x02\0isomiso2', 'latin1').copy(bytes);
  return bytes;
})();

/**
 * Issue 14's `creator` role end to end, with identity, gateway and creator-studio as processes
 * (memory mode, AUTH_MODE=enforce): a user signed in with an e-mailed code cannot upload; the
 * admin grants `creator` through AuthX's role API; from the next sign-in the identity token
 * carries `mm_role: creator`, the gateway lets its direct upload through and creator-studio
 * stores the file under the caller's own user id (naming another uploader is 403
 * `uploader_mismatch`, on both upload routes). Creator answers are checked against the v1 contract.
 */
describe('the creator role through the gateway (identity, gateway, creator-studio as processes)', () => {
  let platform: ServiceProcesses;
  let store: string;

  beforeAll(async () => {
    store = await mkdtemp(join(tmpdir(), 'mm-creator-role-'));
    platform = await startServices(
      ['identity', 'gateway', 'creator-studio'],
      testEnv('memory', {
        AUTH_MODE: 'enforce',
        LOG_LEVEL: 'warn',
        AUTHX_TRUST_PROXY: 'true',
        OTP_COOLDOWN_SEC: '0',
        MEDIA_STORE_DIR: store,
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    await rm(store, { recursive: true, force: true });
  });

  const call = gatewayCall(() => platform.urls.gateway, contract);
  const raw = async (method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: Json }> => {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${platform.urls.gateway}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const upload = async (token: string, uploaderId?: string) => {
    const form = new FormData();
    if (uploaderId !== undefined) form.append('uploader_id', uploaderId);
    form.append('title', 'Counting stars');
    form.append('file', new Blob([new Uint8Array(clip)], { type: 'video/mp4' }), 'clip.mp4');
    const res = await fetch(`${platform.urls.gateway}/v1/creator/assets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const body = (await res.json()) as Json;
    contract.assert({ method: 'POST', path: '/v1/creator/assets', status: res.status, body });
    return { status: res.status, body };
  };
  const signIn = async (email: string, seen: number): Promise<string> => {
    const requested = await raw('POST', '/v1/auth/otp/request', { subject: email, channel: 'email' });
    expect(requested.status).toBe(200);
    const pattern = new RegExp(`code for ${email.replace(/[.+]/g, '\\$&')}[^\\n]*?(\\d{6})`, 'g');
    const codes = await poll(
      'the sign-in code on identity’s console',
      async () => [...platform.output('identity').matchAll(pattern)].map((m) => m[1]),
      (found) => found.length > seen,
      5_000,
    );
    const verified = await raw('POST', '/v1/auth/otp/verify', { ticketId: requested.body.ticketId, code: codes[codes.length - 1] });
    expect(verified.status).toBe(200);
    return verified.body.accessToken as string;
  };

  it('a user cannot upload; the admin grants creator; from the next sign-in the user uploads', async () => {
    const email = `creator.${Date.now()}@example.com`;
    const before = await signIn(email, 0);
    const me = await raw('GET', '/v1/me', undefined, before);
    expect(me.body.roles).toEqual(['user']);
    const refused = await upload(before);
    expect([refused.status, refused.body.error?.code]).toEqual([403, 'insufficient_role']);

    const admin = await call('POST', '/v1/admin/login', { email: 'admin@mikasmissions.local', password: 'mikas-dev-admin-2026' });
    expect(admin.status).toBe(200);
    const denied = await raw('POST', `/v1/admin/auth/users/${me.body.userId}/roles`, { role: 'creator' }, before);
    expect(denied.status).toBe(403);
    const granted = await raw('POST', `/v1/admin/auth/users/${me.body.userId}/roles`, { role: 'creator' }, admin.body.access_token);
    expect(granted).toEqual({ status: 201, body: { tenantId: 'default', userId: me.body.userId, roles: ['creator'] } });

    const after = await signIn(email, 1);
    const claims = JSON.parse(Buffer.from(after.split('.')[1], 'base64url').toString()) as Json;
    expect(claims).toMatchObject({ mm_role: 'creator', roles: expect.arrayContaining(['user', 'creator']) });
    const impostor = await upload(after, 'creator-e2e');
    expect([impostor.status, impostor.body.error?.code]).toEqual([403, 'uploader_mismatch']);
    const urlImpostor = await call(
      'POST',
      '/v1/creator/assets/upload',
      { source_url: 'https://media.example/a.mp4', uploader_id: 'creator-e2e' },
      after,
    );
    expect([urlImpostor.status, urlImpostor.body.error?.code]).toEqual([403, 'uploader_mismatch']);
    const queued = await upload(after);
    expect(queued).toEqual({ status: 202, body: { asset_id: expect.any(String), status: 'queued' } });
    expect(await readFile(join(store, 'sources', queued.body.asset_id, 'source'))).toEqual(clip);
    const asset = await call('GET', `/v1/creator/assets/${queued.body.asset_id}`, undefined, after);
    expect(asset.body).toMatchObject({
      status: 'queued',
      source_url: `media-store:sources/${queued.body.asset_id}/source`,
      uploader_id: me.body.userId,
    });
    const own = await upload(after, me.body.userId as string);
    expect(own.status).toBe(202);
  });
});
