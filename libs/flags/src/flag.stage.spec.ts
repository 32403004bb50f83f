import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { Flag } from './flag.decorator';
import { FlagsModule } from './flags.module';

let calls = 0;

@Controller('flagged')
class FlaggedController {
  @Flag('CACHE_SWR')
  @Get('swr')
  swr(): { ok: true } {
    calls++;
    return { ok: true };
  }

  @Flag('BETA', { status: 403 })
  @Get('beta')
  beta(): { ok: true } {
    calls++;
    return { ok: true };
  }

  @Get('open')
  open(): { ok: true } {
    return { ok: true };
  }
}

@Flag('WHOLE_CONTROLLER')
@Controller('gated')
class GatedController {
  @Get()
  get(): { ok: true } {
    return { ok: true };
  }
}

@Module({
  imports: [PlatformConfigModule.forRoot(), ContextModule.forRoot(), PersistenceModule, PlatformHttpModule, FlagsModule],
  controllers: [FlaggedController, GatedController],
})
class FlagsTestModule {}

describe.each(ADAPTERS)('@Flag on %s', (adapter) => {
  const boot = async (flags: Record<string, string>): Promise<[INestApplication, string]> => {
    const app = await bootApp(FlagsTestModule, { adapter, env: testEnv('memory', flags) });
    return [app, await baseUrl(app)];
  };

  it('answers 404 (or the configured status) without running the handler while the flag is off', async () => {
    const [app, url] = await boot({ FLAG_CACHE_SWR: 'false' });
    try {
      calls = 0;
      const swr = await fetch(`${url}/flagged/swr`);
      expect(swr.status).toBe(404);
      expect((await swr.json()).error.code).toBe('not_found');
      const beta = await fetch(`${url}/flagged/beta`);
      expect(beta.status).toBe(403);
      expect((await beta.json()).error.code).toBe('feature_disabled');
      expect((await fetch(`${url}/gated`)).status).toBe(404);
      expect((await fetch(`${url}/flagged/open`)).status).toBe(200);
      expect(calls).toBe(0);
    } finally {
      await app.close();
    }
  });

  it('serves the route when FLAG_<NAME>=true', async () => {
    const [app, url] = await boot({ FLAG_CACHE_SWR: 'true', FLAG_BETA: '1', FLAG_WHOLE_CONTROLLER: 'true' });
    try {
      expect(await (await fetch(`${url}/flagged/swr`)).json()).toEqual({ ok: true });
      expect((await fetch(`${url}/flagged/beta`)).status).toBe(200);
      expect((await fetch(`${url}/gated`)).status).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('@Flag options', () => {
  it('rejects bad names and statuses when the class is defined', () => {
    expect(() => Flag('cache-swr')).toThrow('@Flag("cache-swr"): flag names use A-Z, 0-9 and _ only');
    expect(() => Flag('OK', { status: 200 })).toThrow('status must be an HTTP error status');
  });
});
