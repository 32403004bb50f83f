import { Body, Controller, Get, type INestApplication, Module, Post } from '@nestjs/common';
import { Cache } from '@mikasmissions/cache';
import { AnalyticsEventRecorded } from '@mikasmissions/contracts-events';
import { Publish } from '@mikasmissions/messaging';
import { Roles } from '@mikasmissions/service-identity';
import { ADAPTERS, baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { PlatformModule } from './platform.module';

const served = { notes: 0 };

@Controller('notes')
class NotesController {
  @Cache({ ttlMs: 60_000, key: () => 'platform-spec:notes' })
  @Get()
  list(): { notes: number } {
    served.notes++;
    return { notes: served.notes };
  }
}

@Module({ imports: [PlatformModule.forRoot({ service: 'platform-spec', http: { port: 0 } })], controllers: [NotesController] })
class NotesService {}

@Controller('orders')
class OrdersController {
  @Publish(AnalyticsEventRecorded)
  @Post()
  create(@Body() body: { eventId: string; eventType: string; occurredAt: string }): {
    eventId: string;
    eventType: string;
    occurredAt: string;
  } {
    return body;
  }
}

@Module({ imports: [PlatformModule.forRoot({ service: 'platform-spec', http: { port: 0 } })], controllers: [OrdersController] })
class ServiceWithoutMessaging {}

@Controller('children')
class ChildrenController {
  @Roles('parent', 'service')
  @Get()
  list(): { ok: true } {
    return { ok: true };
  }
}

@Module({ imports: [PlatformModule.forRoot({ service: 'platform-spec', http: { port: 0 } })], controllers: [ChildrenController] })
class ServiceWithIdentity {}

@Module({
  imports: [PlatformModule.forRoot({ service: 'platform-spec', http: { port: 0 }, identity: false })],
  controllers: [ChildrenController],
})
class ServiceWithoutIdentity {}

describe('PlatformModule.forRoot', () => {
  it('rejects options that cannot work at start-up, naming each field', () => {
    expect(() => PlatformModule.forRoot({ service: 'Bad Name', http: { port: 70_000, prefix: '/v1' } })).toThrow(
      /service must be a lower-case name.*http\.port must be an integer.*http\.prefix must look like/,
    );
  });

  it('remembers its options for bootstrap(AppModule)', () => {
    expect(PlatformModule.optionsOf(NotesService)).toMatchObject({ service: 'platform-spec', http: { port: 0 } });
    expect(PlatformModule.optionsOf(class Empty {})).toBeUndefined();
  });

  it('stops the app when a route carries a decorator whose stage no module provides', async () => {
    await expect(bootApp(ServiceWithoutMessaging, { adapter: 'express', env: testEnv('memory') })).rejects.toThrow(
      /OrdersController\.create: @Publish needs MessagingModule/,
    );
  });

  it('turns service identity on by default: @Roles is enforced, and stops the start-up with identity: false', async () => {
    const app = await bootApp(ServiceWithIdentity, { adapter: 'express', env: testEnv('memory', { AUTH_MODE: 'enforce' }) });
    try {
      const res = await fetch(`${await baseUrl(app)}/children`);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('missing_identity');
    } finally {
      await app.close();
    }
    await expect(bootApp(ServiceWithoutIdentity, { adapter: 'express', env: testEnv('memory') })).rejects.toThrow(
      /ChildrenController\.list: @Roles needs ServiceIdentityModule/,
    );
  });
});

describe.each(ADAPTERS)('a service on PlatformModule on %s', (adapter) => {
  let app: INestApplication;
  let url: string;
  beforeAll(async () => {
    app = await bootApp(NotesService, { adapter, env: testEnv('memory') });
    url = await baseUrl(app);
  });
  afterAll(() => app.close());

  it('serves /health and /ready from the frame', async () => {
    expect((await fetch(`${url}/health`)).status).toBe(200);
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
  });

  it('runs @Cache with no module of its own: the second read is a HIT', async () => {
    const first = await fetch(`${url}/notes`);
    const second = await fetch(`${url}/notes`);
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(await second.json()).toEqual(await first.json());
  });

  it('answers bad input with the one error body', async () => {
    const res = await fetch(`${url}/notes`, { headers: { 'x-tenant-id': 'no spaces allowed' } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: 'invalid_tenant', requestId: expect.any(String) });
  });
});
