import type { INestApplication } from '@nestjs/common';
import { baseUrl, bootApp, createContractValidator, testEnv } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { type StubUpstreams, startStubUpstreams } from './testing/stub-upstreams';
import { TEST_IDENTITY_KEY, TEST_SECRET, tokenFor } from './testing/tokens';

const contract = createContractValidator();
const BODY_LIMIT = 64 * 1024;
const UPLOAD_LIMIT = 256 * 1024;

const multipart = (bytes: number): { body: Buffer; type: string } => {
  const boundary = 'mm-boundary-1';
  const head = Buffer.from(
    `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="a.mp4"\r\ncontent-type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, Buffer.alloc(bytes, 1), tail]), type: `multipart/form-data; boundary=${boundary}` };
};

describe('gateway: the creator direct upload route', () => {
  let stubs: StubUpstreams;
  let app: INestApplication;
  let url: string;
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    stubs = await startStubUpstreams();
    app = await bootApp(AppModule, {
      adapter: 'fastify',
      env: testEnv('memory', {
        ...stubs.env,
        AUTH_MODE: 'enforce',
        JWT_SECRET: TEST_SECRET,
        EDGE_IDENTITY_KEY: TEST_IDENTITY_KEY,
        HTTP_BODY_LIMIT_BYTES: String(BODY_LIMIT),
        GATEWAY_UPLOAD_BODY_LIMIT_BYTES: String(UPLOAD_LIMIT),
      }),
    });
    url = await baseUrl(app);
    for (const role of ['creator', 'parent', 'child']) tokens[role] = await tokenFor(role);
  });
  afterAll(async () => {
    await app.close();
    await stubs.close();
  });

  const post = async (path: string, role: string, bytes: number) => {
    const { body, type } = multipart(bytes);
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': type },
      body: new Uint8Array(body),
    });
    const json = (await res.json()) as { error?: { code: string } };
    return { status: res.status, body: json, size: body.length };
  };

  it('passes a creator multipart body above HTTP_BODY_LIMIT_BYTES to creator-studio as sent', async () => {
    const before = stubs.received.length;
    const res = await post('/v1/creator/assets', 'creator', BODY_LIMIT * 2);
    expect(res.status).toBe(200);
    const got = stubs.received.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ upstream: 'creator-studio', method: 'POST', url: '/v1/creator/assets' });
    expect(Buffer.byteLength(got[0].body, 'latin1')).toBeGreaterThan(BODY_LIMIT);
    expect(got[0].headers['x-auth-role']).toBe('creator');
  });

  it('keeps HTTP_BODY_LIMIT_BYTES on every other route, GATEWAY_UPLOAD_BODY_LIMIT_BYTES on the upload (413), multipart only there (415)', async () => {
    const before = stubs.received.length;
    const json = JSON.stringify({ uploader_id: 'c1', title: 'x'.repeat(BODY_LIMIT) });
    const big = await fetch(`${url}/v1/creator/assets/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokens.creator}`, 'content-type': 'application/json' },
      body: json,
    });
    const other = { status: big.status, body: (await big.json()) as { error?: { code: string } } };
    const huge = await post('/v1/creator/assets', 'creator', UPLOAD_LIMIT + 1);
    const elsewhere = await post('/v1/creator/assets/upload', 'creator', 1024);
    for (const [path, res] of [
      ['/v1/creator/assets/upload', other],
      ['/v1/creator/assets', huge],
    ] as const) {
      expect([path, res.status, res.body.error?.code]).toEqual([path, 413, 'payload_too_large']);
      expect(contract.check({ method: 'POST', path, status: res.status, body: res.body })).toMatchObject({ ok: true });
    }
    expect([elsewhere.status, elsewhere.body.error?.code]).toEqual([415, 'unsupported_media_type']);
    expect(stubs.received.length).toBe(before);
  });

  it('refuses parents and children (403 insufficient_role) without reaching creator-studio', async () => {
    const before = stubs.received.length;
    for (const role of ['parent', 'child']) {
      const res = await post('/v1/creator/assets', role, 1024);
      expect([role, res.status, res.body.error?.code]).toEqual([role, 403, 'insufficient_role']);
    }
    expect(stubs.received.length).toBe(before);
  });
});
