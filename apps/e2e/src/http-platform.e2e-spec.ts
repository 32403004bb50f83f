import { Controller, Get, Module, NotFoundException, Post, Body } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { ADAPTERS, baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { PlatformError, PlatformHttpModule } from '@mikasmissions/http';

class TeapotError extends PlatformError {
  constructor() {
    super(418, 'TEAPOT', 'short and stout', { spout: true }, { 'retry-after': '7' });
  }
}

@Controller()
class ProbeController {
  @Get('slow')
  async slow(): Promise<{ done: true }> {
    await new Promise((r) => setTimeout(r, 400));
    return { done: true };
  }

  @Get('typed')
  typed(): never {
    throw new TeapotError();
  }

  @Get('missing')
  missing(): never {
    throw new NotFoundException('no such mission');
  }

  @Get('boom')
  boom(): never {
    throw new Error('database password is hunter2');
  }

  @Post('echo')
  echo(@Body() body: unknown): { received: unknown } {
    return { received: body };
  }
}

@Module({ imports: [PlatformConfigModule.forRoot(), ContextModule.forRoot(), PlatformHttpModule], controllers: [ProbeController] })
class ProbeModule {}

describe.each(ADAPTERS)('http platform on %s', (adapter) => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await bootApp(ProbeModule, { adapter, env: testEnv('memory', { HTTP_BODY_LIMIT_BYTES: '2048' }), globalPrefix: 'api' });
    url = await baseUrl(app, 'api');
  });
  afterAll(() => app.close());

  it('renders typed errors with their status, code, details and headers', async () => {
    const res = await fetch(`${url}/typed`, { headers: { 'x-request-id': 'typed-1' } });
    expect(res.status).toBe(418);
    expect(res.headers.get('retry-after')).toBe('7');
    expect(res.headers.get('x-request-id')).toBe('typed-1');
    expect(await res.json()).toEqual({
      error: { code: 'teapot', message: 'short and stout', details: { spout: true }, requestId: 'typed-1' },
    });
  });

  it('maps Nest HTTP exceptions to the same shape', async () => {
    const res = await fetch(`${url}/missing`);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'not_found', message: 'no such mission' });
  });

  it('hides the message of unexpected errors behind a generic 500', async () => {
    const res = await fetch(`${url}/boom`);
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'internal', message: 'Internal server error' });
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });

  it('enforces the configured body limit with 413', async () => {
    const ok = await fetch(`${url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 'x'.repeat(100) }),
    });
    expect(ok.status).toBe(201);
    const big = await fetch(`${url}/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ a: 'x'.repeat(4000) }),
    });
    expect(big.status).toBe(413);
    expect((await big.json()).error.code).toBe('payload_too_large');
  });

  const post = (body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${url}/echo`, { method: 'POST', headers, body });

  it.each([
    ['an empty body', '', 'malformed_json'],
    ['invalid JSON', '{"a":', 'malformed_json'],
    ['a __proto__ key', '{"__proto__":{"admin":true}}', 'forbidden_json_key'],
    ['a constructor.prototype key', '{"constructor":{"prototype":{"admin":true}}}', 'forbidden_json_key'],
    ['nesting deeper than 64 levels', `${'['.repeat(100)}${']'.repeat(100)}`, 'json_too_deep'],
    ['a NUL character', '{"a":"x\\u0000y"}', 'invalid_json_string'],
    ['a lone surrogate', '{"a":"\\ud800"}', 'invalid_json_string'],
  ])('answers 400 for %s, the same on every adapter', async (_label, body, code) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe(code);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it.each([
    ['no content-type', {}, 'unsupported_media_type'],
    ['a form body', { 'content-type': 'application/x-www-form-urlencoded' }, 'unsupported_media_type'],
    ['a non-UTF-8 charset', { 'content-type': 'application/json; charset=latin1' }, 'unsupported_charset'],
    ['a compressed body', { 'content-type': 'application/json', 'content-encoding': 'gzip' }, 'unsupported_encoding'],
  ])('answers 415 for %s', async (_label, headers, code) => {
    const res = await post('{"a":1}', headers as Record<string, string>);
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe(code);
  });

  it('accepts application/*+json and any JSON value, leaving shape checks to the route', async () => {
    const vendor = await post('{"a":1}', { 'content-type': 'application/vnd.api+json; charset=utf-8' });
    expect(vendor.status).toBe(201);
    expect(await vendor.json()).toEqual({ received: { a: 1 } });
    const scalar = await post('5');
    expect(scalar.status).toBe(201);
    expect(await scalar.json()).toEqual({ received: 5 });
  });

  it('answers framework-level errors (bad URL encoding) in the platform shape, and hides the server', async () => {
    const res = await fetch(`${url}/echo/%`);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toEqual(expect.any(String));
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe.each(ADAPTERS)('graceful shutdown on %s', (adapter) => {
  it('finishes in-flight requests before closing, then refuses new ones', async () => {
    const app = await bootApp(ProbeModule, { adapter, env: testEnv('memory') });
    const url = await baseUrl(app);
    const inFlight = fetch(`${url}/slow`);
    await new Promise((r) => setTimeout(r, 100));
    const closing = app.close();
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ done: true });
    await closing;
    await expect(fetch(`${url}/slow`)).rejects.toThrow();
  });
});
