import { Body, Controller, Get, Injectable, Module, Param, Post, type INestApplication } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { HealthModule } from '@mikasmissions/health';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, testEnv, uniquePrefix } from '@mikasmissions/testing';
import { AuthxModule } from './authx.module';
import { SessionService } from './sessions/session.service';
import { JwtCodec } from './tokens/jwt-codec';
import { RoleAssignmentStore } from './ports/role-assignment-store';
import { RelationCheck } from './relation-check.decorator';
import { Require } from './require.decorator';
import { RequirePermissions } from './require-permissions.decorator';

interface Doc {
  id: string;
  ownerId: string;
}

@Injectable()
class DocRepository {
  readonly docs = new Map<string, Doc>([
    ['d1', { id: 'd1', ownerId: 'alice' }],
    ['d2', { id: 'd2', ownerId: 'bob' }],
  ]);
  async find(id: string): Promise<Doc | undefined> {
    return this.docs.get(id);
  }
}

@Controller('demo')
class DemoController {
  @RequirePermissions('events:write')
  @Post('events')
  write(): { ok: true } {
    return { ok: true };
  }

  @RelationCheck({ relation: 'viewer', objectParam: 'projectId' })
  @Get('projects/:projectId')
  project(@Param('projectId') id: string): { id: string } {
    return { id };
  }

  @Require<Doc | undefined>(({ principal, resource }) => resource?.ownerId === principal.userId, {
    name: 'owner-only',
    resource: ({ req }, get) => get<DocRepository>(DocRepository).find(req.params.docId),
  })
  @Get('docs/:docId')
  doc(@Param('docId') id: string): { id: string } {
    return { id };
  }

  @Require(({ principal, req }) => principal.userId === (req.body as { userId?: string })?.userId)
  @Post('self')
  self(@Body() body: unknown): unknown {
    return body;
  }

  @Require(() => {
    throw new Error('boom');
  })
  @Get('broken')
  broken(): string {
    return 'never';
  }
}

@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot({ serviceName: 'authx-test' }),
    PersistenceModule,
    PlatformHttpModule,
    HealthModule,
    AuthxModule.forRoot({
      controllers: ['auth', 'rebac-admin', 'authx-admin'],
      roles: [
        { role: 'user', permissions: ['events:write'], tenant: 'tenantA' },
        { role: 'ops', permissions: ['tenants:cross', 'events:*'] },
      ],
    }),
  ],
  controllers: [DemoController],
  providers: [DocRepository],
})
class TestModule {}

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe.each(ADAPTERS)('AuthX authorization over HTTP on %s (Postgres + Redis)', (adapter) => {
  describe.each(['permissive', 'enforce'])('AUTH_MODE=%s', (mode) => {
    let app: INestApplication;
    let url: string;
    const login = async (userId: string, tenant = 'tenantA', roles: string[] = []): Promise<Record<string, string>> => {
      const res = await fetch(`${url}/auth/login`, post({ userId, roles }, { 'x-tenant-id': tenant }));
      expect(res.status).toBe(200);
      return { authorization: `Bearer ${(await res.json()).accessToken}` };
    };
    /** A session with privileged roles, opened in-process: the dev login never mints those (as an operator's SQL grant would). */
    const signIn = async (userId: string, tenant: string, roles: string[]): Promise<Record<string, string>> => {
      const { accessToken } = await app.get(SessionService).open({ tenantId: tenant, userId, roles });
      return { authorization: `Bearer ${accessToken}` };
    };

    beforeAll(async () => {
      const env = testEnv('postgres+redis', { AUTH_MODE: mode, AUTH_DEV_LOGIN: 'true', AUTHX_REDIS_PREFIX: uniquePrefix('authx') });
      app = await bootApp(TestModule, { adapter, env });
      url = await baseUrl(app);
    });
    afterAll(() => app.close());

    it('handles anonymous callers by mode, and always rejects a bad token', async () => {
      const anon = await fetch(`${url}/demo/events`, post({}));
      expect(anon.status).toBe(mode === 'permissive' ? 201 : 401);
      const bad = await fetch(`${url}/demo/events`, post({}, { authorization: 'Bearer not.a.token' }));
      expect(bad.status).toBe(401);
      expect((await bad.json()).error.code).toBe('token_invalid');
      const basic = await fetch(`${url}/demo/events`, post({}, { authorization: 'Basic dTpw' }));
      expect(basic.status).toBe(401);
    });

    it('admin routes need a signed-in admin in every mode: 401 without a token, 403 without authx:admin', async () => {
      const user = await login('u1', 'tenantA');
      const routes: Array<[string, RequestInit | undefined]> = [
        [`${url}/admin/auth/audit`, undefined],
        [`${url}/admin/auth/roles`, undefined],
        [`${url}/admin/auth/roles`, post({ role: `r${mode}${adapter}`, permissions: ['events:*'], tenant: '*' })],
        [`${url}/admin/auth/rebac`, post({ subject: 'user:x', relation: 'viewer', object: 'project:x' })],
      ];
      for (const [route, init] of routes) {
        const anon = await fetch(route, init);
        expect([route, anon.status]).toEqual([route, 401]);
        expect((await anon.json()).error.code).toBe('unauthenticated');
        const plain = await fetch(route, { ...init, headers: { ...(init?.headers as Record<string, string>), ...user } });
        expect([route, plain.status]).toEqual([route, 403]);
        expect((await plain.json()).error).toMatchObject({ code: 'missing_permission', details: { permission: 'authx:admin' } });
      }
      expect((await fetch(`${url}/admin/auth/audit`, { headers: await signIn('root', 'tenantA', ['admin']) })).status).toBe(200);
    });

    it('the dev login mints no privileged role, requested or assigned', async () => {
      for (const roles of [['admin'], ['platform-admin'], ['ops'], ['user', 'admin']]) {
        const res = await fetch(`${url}/auth/login`, post({ userId: 'mallory', roles }, { 'x-tenant-id': 'tenantA' }));
        expect([roles, res.status]).toEqual([roles, 403]);
        expect((await res.json()).error.code).toBe('dev_login_role_forbidden');
      }
      const boss = `boss-${mode}-${adapter}-${Math.random().toString(36).slice(2, 7)}`;
      const helper = `helper${Math.random().toString(36).slice(2, 7)}`;
      const assignments = app.get(RoleAssignmentStore);
      await assignments.assign('tenantA', boss, 'admin');
      await assignments.assign('tenantA', boss, helper);
      const res = await fetch(`${url}/auth/login`, post({ userId: boss }, { 'x-tenant-id': 'tenantA' }));
      const { accessToken } = await res.json();
      const me = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as { roles: string[] };
      expect(me.roles.sort()).toEqual([helper, 'user'].sort());
      expect((await fetch(`${url}/admin/auth/audit`, { headers: { authorization: `Bearer ${accessToken}` } })).status).toBe(403);
      await assignments.unassign('tenantA', boss, 'admin');
      await assignments.unassign('tenantA', boss, helper);
    });

    it('fails closed on a session the store never saw: a well-signed token with a made-up sid is 401 session_unknown', async () => {
      const forged = await app
        .get(JwtCodec)
        .sign({ sub: 'ghost', tenant: 'tenantA', roles: ['user'], sid: '00000000-0000-4000-8000-000000000000', jti: 'forged' }, 60);
      for (let i = 0; i < 2; i++) {
        const res = await fetch(`${url}/demo/events`, post({}, { authorization: `Bearer ${forged}` }));
        expect(res.status).toBe(401);
        expect((await res.json()).error.code).toBe('session_unknown');
      }
      const real = await login('u1', 'tenantA');
      expect((await fetch(`${url}/demo/events`, post({}, real))).status).toBe(201);
      expect((await fetch(`${url}/auth/logout`, post({}, real))).status).toBe(200);
      const after = await fetch(`${url}/demo/events`, post({}, real));
      expect(after.status).toBe(401);
      expect((await after.json()).error.code).toBe('session_revoked');
    });

    it('RBAC holds per tenant', async () => {
      expect((await fetch(`${url}/demo/events`, post({}, await login('u1', 'tenantA')))).status).toBe(201);
      const other = await fetch(`${url}/demo/events`, post({}, await login('u1', 'tenantB')));
      expect(other.status).toBe(403);
      expect((await other.json()).error).toMatchObject({ code: 'missing_permission', details: { permission: 'events:write' } });
    });

    it('admins register roles per tenant at run time; bad permissions are 400', async () => {
      const role = `writer${mode}${adapter}${Math.random().toString(36).slice(2, 7)}`; // run-time roles are stored: one per run
      const user = await login('w1', 'tenantB', [role]);
      expect((await fetch(`${url}/demo/events`, post({}, user))).status).toBe(403);
      const admin = await signIn('root', 'tenantB', ['admin']);
      const created = await fetch(`${url}/admin/auth/roles`, post({ role, permissions: ['events:*'] }, admin));
      expect(created.status).toBe(201);
      expect((await created.json()).roles[role]).toEqual(['events:*']);
      expect((await fetch(`${url}/demo/events`, post({}, user))).status).toBe(201);
      expect((await fetch(`${url}/demo/events`, post({}, await login('w1', 'tenantC', [role])))).status).toBe(403);
      const bad = await fetch(`${url}/admin/auth/roles`, post({ role, permissions: ['events write'] }, admin));
      expect(bad.status).toBe(400);
      expect((await bad.json()).error.code).toBe('invalid_role');
    });

    it('rejects a tenant header naming another tenant (403) unless the principal may cross tenants', async () => {
      const a = await login('u1', 'tenantA');
      const spoof = await fetch(`${url}/demo/events`, post({}, { ...a, 'x-tenant-id': 'tenantB' }));
      expect(spoof.status).toBe(403);
      expect((await spoof.json()).error.code).toBe('tenant_mismatch');
      expect((await fetch(`${url}/demo/events`, post({}, { ...a, 'x-tenant-id': 'tenantA' }))).status).toBe(201);
      const ops = await signIn('ops1', 'tenantA', ['ops']);
      expect((await fetch(`${url}/demo/events`, post({}, { ...ops, 'x-tenant-id': 'tenantB' }))).status).toBe(201);
    });

    it('REBAC: tuples are written per tenant through the admin API and checked on the route', async () => {
      const project = `p${Date.now()}${mode}`;
      const admin = await signIn('root', 'tenantA', ['admin']);
      const viewer = await login('v1', 'tenantA');
      const denied = await fetch(`${url}/demo/projects/${project}`, { headers: viewer });
      expect(denied.status).toBe(403);
      expect((await denied.json()).error).toMatchObject({
        code: 'relation_denied',
        details: { object: `project:${project}`, reason: 'no_relation' },
      });
      const notAdmin = await fetch(
        `${url}/admin/auth/rebac`,
        post({ subject: 'user:v1', relation: 'viewer', object: `project:${project}` }, viewer),
      );
      expect(notAdmin.status).toBe(403);
      const written = await fetch(
        `${url}/admin/auth/rebac`,
        post({ subject: 'user:v1', relation: 'viewer', object: `project:${project}` }, admin),
      );
      expect(written.status).toBe(201);
      expect((await fetch(`${url}/demo/projects/${project}`, { headers: viewer })).status).toBe(200);
      const check = await fetch(`${url}/admin/auth/rebac/check?subject=user:v1&relation=viewer&object=project:${project}`, {
        headers: admin,
      });
      expect(await check.json()).toMatchObject({ tenantId: 'tenantA', allowed: true, reason: 'direct' });
      const elsewhere = await login('v1', 'tenantB');
      expect((await fetch(`${url}/demo/projects/${project}`, { headers: elsewhere })).status).toBe(403);
      const tuple = JSON.stringify({ subject: 'user:v1', relation: 'viewer', object: `project:${project}` });
      const del = () =>
        fetch(`${url}/admin/auth/rebac`, { method: 'DELETE', headers: { ...admin, 'content-type': 'application/json' }, body: tuple });
      expect((await del()).status).toBe(204);
      expect((await del()).status).toBe(404);
      expect((await fetch(`${url}/demo/projects/${project}`, { headers: viewer })).status).toBe(403);
    });

    it('ABAC compares the principal with a loaded resource and with the request', async () => {
      const alice = await login('alice');
      expect((await fetch(`${url}/demo/docs/d1`, { headers: alice })).status).toBe(200);
      const other = await fetch(`${url}/demo/docs/d2`, { headers: alice });
      expect(other.status).toBe(403);
      expect((await other.json()).error).toMatchObject({ code: 'predicate_denied', details: { rule: 'owner-only' } });
      expect((await fetch(`${url}/demo/docs/missing`, { headers: alice })).status).toBe(403);
      expect((await fetch(`${url}/demo/self`, post({ userId: 'alice' }, alice))).status).toBe(201);
      expect((await fetch(`${url}/demo/self`, post({ userId: 'bob' }, alice))).status).toBe(403);
      const broken = await fetch(`${url}/demo/broken`, { headers: alice });
      expect(broken.status).toBe(403);
      expect((await broken.json()).error.details.reason).toBe('predicate_error');
    });

    it('audits decisions and lets admins query them', async () => {
      const mallory = await login(`mallory-${mode}`, 'tenantA');
      await fetch(`${url}/demo/docs/d1`, { headers: mallory });
      const admin = await signIn('root', 'tenantA', ['admin']);
      const res = await fetch(`${url}/admin/auth/audit?decision=deny&principal=mallory-${mode}`, { headers: admin });
      expect(res.status).toBe(200);
      const { data } = await res.json();
      expect(data[0]).toMatchObject({
        tenantId: 'tenantA',
        principal: `mallory-${mode}`,
        kind: 'predicate',
        decision: 'deny',
        reason: 'predicate_false',
        requestId: expect.any(String),
      });
    });
  });
});
