import { createServer, type Server } from 'node:net';
import { Controller, Get, HttpCode, type INestApplication, Module, NotFoundException, Param, Query } from '@nestjs/common';
import { Context, type RequestContextSnapshot } from '@mikasmissions/context';
import { Public } from '@mikasmissions/http';
import { PlatformModule } from '@mikasmissions/platform';
import { baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { ProfileChildOwnership, ServiceClient, ServiceUnavailableError } from '@mikasmissions/service-client';

const PROFILES: Record<string, { parent_user_id: string; age_band: string }> = { c1: { parent_user_id: 'p1', age_band: '6-11' } };

@Controller('internal/profiles')
class InternalProfilesController {
  @Get('broken')
  broken(): never {
    throw new Error('boom');
  }

  @Get('slow')
  async slow(): Promise<{ ok: true }> {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    return { ok: true };
  }

  @Get('whoami')
  whoami(@Context() ctx: RequestContextSnapshot, @Query('q') q?: string) {
    return {
      role: ctx.role,
      requestId: ctx.requestId,
      tenantId: ctx.tenantId,
      subject: (ctx.principal?.claims as { subject?: string } | undefined)?.subject,
      q,
    };
  }

  @Get(':id')
  profile(@Param('id') id: string) {
    const found = PROFILES[id];
    if (!found) throw new NotFoundException({ code: 'child_profile_not_found', message: `no child profile ${id}` });
    return { child_profile_id: id, ...found };
  }
}

@Module({
  imports: [PlatformModule.forRoot({ service: 'profile', http: { port: 0, prefix: 'v1' } })],
  controllers: [InternalProfilesController],
})
class CalleeModule {}

@Controller('probe')
class ProbeController {
  constructor(
    private readonly client: ServiceClient,
    private readonly ownership: ProfileChildOwnership,
  ) {}

  @Public()
  @Get('call/:path')
  async call(@Param('path') path: string) {
    return this.client.call('profile', { method: 'GET', path: `/internal/profiles/${path}`, query: { q: 'a b', skip: undefined } });
  }

  @Public()
  @HttpCode(200)
  @Get('owns/:parent/:child')
  async owns(@Param('parent') parent: string, @Param('child') child: string) {
    return { owns: await this.ownership.owns(parent, child) };
  }
}

@Module({ imports: [PlatformModule.forRoot({ service: 'catalog', http: { port: 0, prefix: 'v1' } })], controllers: [ProbeController] })
class CallerModule {}

async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('ServiceClient between two platform services', () => {
  let callee: INestApplication;
  let caller: INestApplication;
  let calleeUrl: string;
  let callerUrl: string;

  beforeAll(async () => {
    callee = await bootApp(CalleeModule, { adapter: 'express', env: testEnv('memory'), globalPrefix: 'v1' });
    calleeUrl = await baseUrl(callee);
    caller = await bootApp(CallerModule, {
      adapter: 'express',
      env: testEnv('memory', { PROFILE_URL: calleeUrl, SERVICE_CLIENT_TIMEOUT_MS: '300' }),
      globalPrefix: 'v1',
    });
    callerUrl = await baseUrl(caller);
  });
  afterAll(async () => {
    await caller?.close();
    await callee?.close();
  });

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${callerUrl}${path}`, { headers });
    return {
      status: res.status,
      headers: res.headers,
      json: (await res.json()) as Record<string, unknown> & { error?: Record<string, unknown> },
    };
  };

  it('calls /internal routes (outside the v1 prefix) as the signed service identity, with the request id and the query', async () => {
    const res = await get('/v1/probe/call/whoami', { 'x-request-id': 'req-service-client-1' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      status: 200,
      body: { role: 'service', requestId: 'req-service-client-1', tenantId: 'default', subject: 'service:catalog', q: 'a b' },
    });
  });

  it('refuses the same internal route without the signature, and does not serve it under the prefix', async () => {
    expect((await fetch(`${calleeUrl}/internal/profiles/c1`)).status).toBe(401);
    expect((await fetch(`${calleeUrl}/v1/internal/profiles/c1`)).status).toBe(404);
  });

  it('returns 4xx answers to the caller to read', async () => {
    const res = await get('/v1/probe/call/nobody');
    expect(res.json).toMatchObject({ status: 404, body: { error: { code: 'child_profile_not_found' } } });
  });

  it('turns a 5xx, a timeout and a refused connection into 503 service_unavailable with Retry-After', async () => {
    const broken = await get('/v1/probe/call/broken');
    expect(broken.status).toBe(503);
    expect(broken.headers.get('retry-after')).toBe('1');
    expect(broken.json.error).toMatchObject({ code: 'service_unavailable', details: { service: 'profile', reason: 'it answered 500' } });
    const slow = await get('/v1/probe/call/slow');
    expect(slow.json.error).toMatchObject({ code: 'service_unavailable', details: { reason: 'timeout' } });

    const port = await closedPort();
    const offline = await bootApp(CallerModule, {
      adapter: 'fastify',
      env: testEnv('memory', { PROFILE_URL: `http://127.0.0.1:${port}` }),
      globalPrefix: 'v1',
    });
    try {
      const res = await fetch(`${await baseUrl(offline)}/v1/probe/call/c1`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { details: unknown } }).error.details).toEqual({
        service: 'profile',
        reason: 'connection refused',
      });
    } finally {
      await offline.close();
    }
  });

  it('answers ownership from profile: the owner yes, another parent and an unknown child no', async () => {
    expect((await get('/v1/probe/owns/p1/c1')).json).toEqual({ owns: true });
    expect((await get('/v1/probe/owns/p2/c1')).json).toEqual({ owns: false });
    expect((await get('/v1/probe/owns/p1/c404')).json).toEqual({ owns: false });
  });

  it('is a typed 503 error', () => {
    const error = new ServiceUnavailableError('billing', 'timeout', { retryAfterSec: 2.2 });
    expect([error.status, error.code, error.headers?.['retry-after']]).toEqual([503, 'service_unavailable', '3']);
  });
});
