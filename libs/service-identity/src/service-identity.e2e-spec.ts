import { Body, Controller, Get, type INestApplication, Module, Param, Post, Query } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { Context, ContextModule, type RequestContextSnapshot } from '@mikasmissions/context';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, TEST_EDGE_IDENTITY_KEY, testEnv } from '@mikasmissions/testing';
import { MemoryChildOwnership } from './adapters/memory/memory-child-ownership';
import { type EdgeIdentity, IDENTITY_HEADERS, signIdentity } from './identity-headers';
import { IdentityScope } from './identity-scope';
import { CHILD_OWNERSHIP } from './ports/child-ownership';
import { Roles } from './roles.decorator';
import { ServiceIdentityModule } from './service-identity.module';

const view = (ctx: RequestContextSnapshot) => ({
  role: ctx.role,
  parentUserId: ctx.parentUserId,
  childProfileId: ctx.childProfileId,
  tenantId: ctx.tenantId,
});

@Controller('children')
class ChildrenController {
  constructor(private readonly scope: IdentityScope) {}

  @Roles('parent', 'service')
  @Get('profiles')
  async list(@Query() query: Record<string, unknown>, @Context() ctx: RequestContextSnapshot) {
    await this.scope.checkRequest({ query });
    return view(ctx);
  }

  @Roles('parent', 'service')
  @Post('profiles')
  async create(@Body() body: Record<string, unknown>, @Context() ctx: RequestContextSnapshot) {
    await this.scope.checkRequest({ body });
    return view(ctx);
  }

  @Roles('parent', 'child', 'service')
  @Get('progress/:child_profile_id')
  async progress(@Param() params: Record<string, string>, @Context() ctx: RequestContextSnapshot) {
    await this.scope.checkRequest({ params });
    return view(ctx);
  }

  @Get('open')
  open(@Context() ctx: RequestContextSnapshot) {
    return view(ctx);
  }
}

@Controller('internal')
class InternalController {
  @Get('jobs')
  jobs(@Context() ctx: RequestContextSnapshot) {
    return view(ctx);
  }
}

@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot(),
    PersistenceModule,
    PlatformHttpModule,
    ServiceIdentityModule.forRoot(),
  ],
  controllers: [ChildrenController, InternalController],
})
class IdentityTestModule {}

const parent: EdgeIdentity = { role: 'parent', tenantId: 'default', requestId: 'req-parent', parentUserId: 'p1', subject: 'p1' };
const child: EdgeIdentity = {
  role: 'child',
  tenantId: 'default',
  requestId: 'req-child',
  parentUserId: 'p1',
  childProfileId: 'c1',
  subject: 'c1',
};
const service: EdgeIdentity = { role: 'service', tenantId: 'default', requestId: 'req-service', subject: 'catalog' };

/** The headers the gateway sends for `identity` on `method path` (the path it forwards, /v1 included). */
const signed = (identity: EdgeIdentity, method: string, path: string, now = Date.now()) =>
  signIdentity(identity, { method, path }, TEST_EDGE_IDENTITY_KEY, now);

describe.each(ADAPTERS)('service identity on %s', (adapter) => {
  const apps: INestApplication[] = [];
  const urls: Record<string, string> = {};

  beforeAll(async () => {
    for (const mode of ['permissive', 'enforce']) {
      const app = await bootApp(IdentityTestModule, { adapter, env: testEnv('memory', { AUTH_MODE: mode }), globalPrefix: 'v1' });
      app.get<MemoryChildOwnership>(CHILD_OWNERSHIP).grant('p1', 'c1');
      apps.push(app);
      urls[mode] = await baseUrl(app);
    }
  });
  afterAll(async () => {
    await Promise.all(apps.map((app) => app.close()));
  });

  const call = async (mode: string, method: string, path: string, headers: Record<string, string> = {}, body?: unknown) => {
    const res = await fetch(`${urls[mode]}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as { error?: { code: string } } & Record<string, unknown>;
    return { status: res.status, code: json.error?.code, json };
  };

  describe.each(['permissive', 'enforce'])('AUTH_MODE=%s', (mode) => {
    it('passes signed headers and shows the identity in @Context()', async () => {
      const res = await call(mode, 'GET', '/v1/children/profiles?parent_user_id=p1', signed(parent, 'GET', '/v1/children/profiles'));
      expect(res).toMatchObject({ status: 200, json: { role: 'parent', parentUserId: 'p1', tenantId: 'default' } });
      const kid = await call(mode, 'GET', '/v1/children/progress/c1', signed(child, 'GET', '/v1/children/progress/c1'));
      expect(kid).toMatchObject({ status: 200, json: { role: 'child', parentUserId: 'p1', childProfileId: 'c1' } });
    });

    it('refuses a forged, replayed or expired identity with 401 invalid_identity', async () => {
      const forged = { ...signed(parent, 'GET', '/v1/children/profiles'), [IDENTITY_HEADERS.role]: 'service' };
      expect(await call(mode, 'GET', '/v1/children/profiles', forged)).toMatchObject({ status: 401, code: 'invalid_identity' });
      const elsewhere = signed(service, 'GET', '/v1/children/profiles');
      expect(await call(mode, 'GET', '/internal/jobs', elsewhere)).toMatchObject({ status: 401, code: 'invalid_identity' });
      const expired = signed(parent, 'GET', '/v1/children/profiles', Date.now() - 60_000);
      expect(await call(mode, 'GET', '/v1/children/profiles', expired)).toMatchObject({
        status: 401,
        code: 'invalid_identity',
        json: { error: { details: { reason: 'expired' } } },
      });
      expect(await call(mode, 'GET', '/v1/children/open', { [IDENTITY_HEADERS.role]: 'admin' })).toMatchObject({
        status: 401,
        code: 'invalid_identity',
      });
    });

    it('answers another role with 403 insufficient_role', async () => {
      expect(await call(mode, 'GET', '/v1/children/profiles', signed(child, 'GET', '/v1/children/profiles'))).toMatchObject({
        status: 403,
        code: 'insufficient_role',
      });
    });

    it('lets a parent act only as itself and for its own children', async () => {
      expect(
        await call(mode, 'GET', '/v1/children/profiles?parent_user_id=p2', signed(parent, 'GET', '/v1/children/profiles')),
      ).toMatchObject({ status: 403, code: 'parent_mismatch' });
      expect(
        await call(mode, 'POST', '/v1/children/profiles', signed(parent, 'POST', '/v1/children/profiles'), { parent_user_id: 'p2' }),
      ).toMatchObject({ status: 403, code: 'parent_mismatch' });
      expect(
        await call(mode, 'POST', '/v1/children/profiles', signed(parent, 'POST', '/v1/children/profiles'), { parent_user_id: 'p1' }),
      ).toMatchObject({ status: 201 });
      expect(await call(mode, 'GET', '/v1/children/progress/c2', signed(parent, 'GET', '/v1/children/progress/c2'))).toMatchObject({
        status: 403,
        code: 'child_profile_forbidden',
      });
      expect(await call(mode, 'GET', '/v1/children/progress/c1', signed(parent, 'GET', '/v1/children/progress/c1'))).toMatchObject({
        status: 200,
      });
    });

    it('lets a child act only for its own profile, and a service for any', async () => {
      expect(await call(mode, 'GET', '/v1/children/progress/c2', signed(child, 'GET', '/v1/children/progress/c2'))).toMatchObject({
        status: 403,
        code: 'child_profile_forbidden',
      });
      expect(await call(mode, 'GET', '/v1/children/progress/c2', signed(service, 'GET', '/v1/children/progress/c2'))).toMatchObject({
        status: 200,
        json: { role: 'service' },
      });
    });

    it('keeps /internal/* for the service identity', async () => {
      expect(await call(mode, 'GET', '/internal/jobs')).toMatchObject({ status: 401, code: 'missing_identity' });
      expect(await call(mode, 'GET', '/internal/jobs', signed(parent, 'GET', '/internal/jobs'))).toMatchObject({
        status: 403,
        code: 'insufficient_role',
      });
      expect(await call(mode, 'GET', '/internal/jobs', signed(service, 'GET', '/internal/jobs'))).toMatchObject({
        status: 200,
        json: { role: 'service' },
      });
      expect(await call(mode, 'GET', '/v1/internal/jobs', signed(service, 'GET', '/v1/internal/jobs'))).toMatchObject({ status: 404 });
    });

    it('refuses an x-tenant-id other than the signed tenant', async () => {
      const headers = { ...signed(parent, 'GET', '/v1/children/profiles'), 'x-tenant-id': 'other' };
      expect(await call(mode, 'GET', '/v1/children/profiles', headers)).toMatchObject({ status: 403, code: 'tenant_mismatch' });
    });
  });

  it('answers a request without identity 401 missing_identity in enforce mode, and lets it through in permissive mode', async () => {
    expect(await call('enforce', 'GET', '/v1/children/profiles')).toMatchObject({ status: 401, code: 'missing_identity' });
    expect(await call('permissive', 'GET', '/v1/children/profiles?parent_user_id=p2')).toMatchObject({
      status: 200,
      json: { tenantId: 'default' },
    });
    expect(await call('enforce', 'GET', '/v1/children/open')).toMatchObject({ status: 200 });
  });
});
