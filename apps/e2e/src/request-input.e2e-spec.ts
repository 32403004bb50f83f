import { Body, Controller, Delete, Get, Module, Param, Post, Query } from '@nestjs/common';
import type { INestApplication } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { ADAPTERS, baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { PlatformHttpModule } from '@mikasmissions/http';
import { request } from 'node:http';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';

@Controller()
class InputController {
  @Get('items/:id')
  item(@Param('id') id: string, @Query() query: unknown): { id: string; query: unknown } {
    return { id, query };
  }

  @Post('echo')
  echo(@Body() body: unknown): { received: unknown } {
    return { received: body };
  }

  @Delete('echo')
  remove(@Body() body: unknown): { received: unknown } {
    return { received: body ?? null };
  }
}

@Module({ imports: [PlatformConfigModule.forRoot(), ContextModule.forRoot(), PlatformHttpModule], controllers: [InputController] })
class InputModule {}

interface Answer {
  status: number;
  code?: string;
  body: unknown;
}

/** One request with exact bytes (fetch would normalise the URL, refuse a GET body and add its own headers). */
function send(url: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<Answer> {
  const { hostname, port } = new URL(url);
  const all = body ? { ...headers, 'content-length': String(body.length) } : headers;
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, method, path, agent: false, headers: all }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        const parsed = JSON.parse(text) as { error?: { code?: string } };
        resolve({ status: res.statusCode ?? 0, code: parsed.error?.code, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A raw HTTP/1.1 request, for bytes Node's client refuses to send. */
function sendRaw(url: string, head: string): Promise<{ status: number; body: { error?: { code?: string; requestId?: string } } }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(head));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString('utf8')));
    socket.on('error', reject);
    socket.on('close', () => resolve({ status: Number(text.split(' ')[1]), body: JSON.parse(text.split('\r\n\r\n')[1] ?? 'null') }));
  });
}

const JSON_TYPE = { 'content-type': 'application/json' };
const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

describe.each(ADAPTERS)('request input rules on %s', (adapter) => {
  let app: INestApplication;
  let url: string;

  beforeAll(async () => {
    app = await bootApp(InputModule, { adapter, env: testEnv('memory'), globalPrefix: 'api' });
    url = await baseUrl(app);
  });
  afterAll(() => app.close());

  it.each([
    ['a NUL in the path', '/api/items/r%00', 'invalid_characters'],
    ['a NUL in the query', '/api/items/x?type=%00', 'invalid_characters'],
    ['another C0 control in the query', '/api/items/x?type=a%0Ab', 'invalid_characters'],
    ['DEL in the query', '/api/items/x?type=%7f', 'invalid_characters'],
    ['a NUL on a route that does not exist', '/api/nowhere%00', 'invalid_characters'],
    ['broken percent-encoding in the path', '/api/items/%', 'malformed_url'],
    ['invalid UTF-8 in the path', '/api/items/%FF', 'malformed_url'],
    ['invalid UTF-8 in the query', '/api/items/x?type=%FF', 'malformed_url'],
  ])('answers 400 before routing for %s', async (_label, path, code) => {
    const res = await send(url, 'GET', path);
    expect(res).toMatchObject({ status: 400, code });
  });

  it('answers a control character in a header value in the platform shape', async () => {
    const res = await sendRaw(url, 'GET /api/items/x HTTP/1.1\r\nHost: x\r\nX-Note: a\u0001b\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.body?.error).toMatchObject({ code: 'malformed_request', requestId: expect.any(String) });
  });

  it('keeps ordinary non-ASCII input, and tabs in header values', async () => {
    const res = await send(url, 'GET', '/api/items/%C3%A4?type=caf%C3%A9&q=a+b', { 'x-note': 'tab\there' });
    expect(res).toMatchObject({ status: 200, body: { id: 'ä', query: { type: 'café', q: 'a b' } } });
  });

  it.each([
    ['a number that overflows a double', '{"a":1e309}', 'json_number_out_of_range'],
    ['a negative overflow', '{"a":[-1e400]}', 'json_number_out_of_range'],
    ['a number that underflows to 0', '{"a":1e-400}', 'json_number_out_of_range'],
    ['a duplicate key', '{"role":"user","role":"admin"}', 'duplicate_json_key'],
    ['a duplicate key spelled with an escape', '{"a":{"role":1,"r\\u006fle":2}}', 'duplicate_json_key'],
  ])('refuses %s with 400', async (_label, body, code) => {
    const res = await send(url, 'POST', '/api/echo', JSON_TYPE, Buffer.from(body));
    expect(res).toMatchObject({ status: 400, code });
  });

  it('accepts the same key in different objects, and numbers at the edges of the range', async () => {
    const body = '{"a":{"k":1},"b":{"k":2},"c":[{"k":3},{"k":4}],"max":1.7976931348623157e308,"tiny":5e-324,"zero":0.0e-5,"s":"\\"k\\":"}';
    const res = await send(url, 'POST', '/api/echo', JSON_TYPE, Buffer.from(body));
    expect(res).toMatchObject({
      status: 201,
      body: { received: { a: { k: 1 }, b: { k: 2 }, max: 1.7976931348623157e308, tiny: 5e-324, zero: 0 } },
    });
  });

  it('refuses a body with a UTF-8 byte-order mark', async () => {
    const res = await send(url, 'POST', '/api/echo', JSON_TYPE, bytes([0xef, 0xbb, 0xbf], '{"a":1}'));
    expect(res).toMatchObject({ status: 400, code: 'bom_not_allowed' });
  });

  it('refuses a body that is not valid UTF-8 instead of replacing the bytes', async () => {
    const res = await send(url, 'POST', '/api/echo', JSON_TYPE, bytes('{"a":"', [0xff, 0xfe], '"}'));
    expect(res).toMatchObject({ status: 400, code: 'invalid_utf8' });
  });

  it('refuses a gzip body with 415 before reading it', async () => {
    const res = await send(url, 'POST', '/api/echo', { ...JSON_TYPE, 'content-encoding': 'gzip' }, gzipSync('{"a":1}'));
    expect(res).toMatchObject({ status: 415, code: 'unsupported_encoding' });
  });

  it.each([
    ['a JSON body', JSON_TYPE, '{"a":1}'],
    ['a text body', { 'content-type': 'text/plain' }, 'hi'],
    ['a gzip body', { ...JSON_TYPE, 'content-encoding': 'gzip' }, '{"a":1}'],
  ])('refuses a GET with %s (400 body_not_allowed)', async (_label, headers, body) => {
    const res = await send(url, 'GET', '/api/items/x', headers, Buffer.from(body));
    expect(res).toMatchObject({ status: 400, code: 'body_not_allowed' });
  });

  it('still reads a body on DELETE', async () => {
    const res = await send(url, 'DELETE', '/api/echo', JSON_TYPE, Buffer.from('{"a":1}'));
    expect(res).toMatchObject({ status: 200, body: { received: { a: 1 } } });
  });

  it.each([
    ['a trailing slash', '/api/items/x/'],
    ['an upper-case path', '/api/ITEMS/x'],
    ['an upper-case prefix', '/API/items/x'],
  ])('routes exactly: %s is 404', async (_label, path) => {
    const res = await send(url, 'GET', path);
    expect(res).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('takes a 2 KB path parameter, and answers 414 for a 10 KB one or a 10 KB query', async () => {
    const ok = await send(url, 'GET', `/api/items/${'x'.repeat(2048)}`);
    expect(ok.status).toBe(200);
    for (const path of [`/api/items/${'x'.repeat(10_000)}`, `/api/items/x?q=${'x'.repeat(10_000)}`]) {
      const res = await send(url, 'GET', path);
      expect(res).toMatchObject({ status: 414, code: 'uri_too_long' });
    }
  });
});
