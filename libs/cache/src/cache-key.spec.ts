import { Controller, Get, type INestApplication, Module, Param, Query, Req } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, testEnv, uniquePrefix } from '@mikasmissions/testing';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Cache } from './cache.decorator';
import { CacheModule } from './cache.module';

const calls: string[] = [];

class ShelfQuery extends createZodDto(z.object({ colour: z.string().optional(), size: z.coerce.number().optional() })) {}

@Controller('shelves')
class ShelvesController {
  @Cache({ ttlMs: 60_000 })
  @Get('named/:id')
  named(@Param('id') id: string, @Query('b') b?: string, @Query('a') a?: string): { id: string; a?: string; b?: string; call: number } {
    calls.push(`named:${id}`);
    return { id, a, b, call: calls.length };
  }

  @Cache({ ttlMs: 60_000 })
  @Get('dto')
  dto(@Query() query: ShelfQuery): { query: ShelfQuery; call: number } {
    calls.push('dto');
    return { query, call: calls.length };
  }

  @Cache({ ttlMs: 60_000 })
  @Get('none')
  none(): { call: number } {
    calls.push('none');
    return { call: calls.length };
  }
}

@Controller('raw')
class RawRequestController {
  @Cache({ ttlMs: 60_000 })
  @Get()
  raw(@Req() req: { query: unknown }): unknown {
    return req.query;
  }
}

const imports = [
  PlatformConfigModule.forRoot(),
  ContextModule.forRoot(),
  PersistenceModule,
  PlatformHttpModule,
  CacheModule.forRoot({ keyPrefix: uniquePrefix('cache-key') }),
];

@Module({ imports, controllers: [ShelvesController] })
class ShelvesModule {}

@Module({ imports, controllers: [RawRequestController] })
class RawRequestModule {}

describe.each(ADAPTERS)('the default @Cache key on %s', (adapter) => {
  let app: INestApplication;
  let url: string;
  const get = async (path: string) => {
    const res = await fetch(`${url}/shelves/${path}`);
    return { state: res.headers.get('x-cache'), body: (await res.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    app = await bootApp(ShelvesModule, { adapter, env: testEnv('memory') });
    url = await baseUrl(app);
  });
  afterAll(() => app.close());

  it('ignores query parameters the handler does not declare, and their order', async () => {
    const id = `n-${adapter}`;
    expect((await get(`named/${id}?a=1&b=2`)).state).toBe('MISS');
    const junk = await Promise.all(Array.from({ length: 50 }, (_, i) => get(`named/${id}?junk=${i}&b=2&a=1&x${i}=y`)));
    expect(junk.map((r) => r.state)).toEqual(Array.from({ length: 50 }, () => 'HIT'));
    expect(calls.filter((c) => c === `named:${id}`)).toHaveLength(1);
    expect((await get(`named/${id}?a=1&b=3`)).state).toBe('MISS');
    expect((await get(`named/${id}-2?a=1&b=2`)).state).toBe('MISS');
  });

  it('keys on the fields of a zod query DTO', async () => {
    const colour = `red-${adapter}`;
    const first = await get(`dto?colour=${colour}&size=2`);
    expect(first.state).toBe('MISS');
    const again = await get(`dto?size=2&utm_source=mail&colour=${colour}`);
    expect(again).toEqual({ state: 'HIT', body: first.body });
    expect((await get(`dto?colour=${colour}&size=3`)).state).toBe('MISS');
  });

  it('keys a route without query input on its path alone', async () => {
    await get(`none?seed=${adapter}`);
    expect((await get(`none?other=${adapter}`)).state).toBe('HIT');
  });

  it('refuses at start-up a route whose query input it cannot know', async () => {
    await expect(bootApp(RawRequestModule, { adapter, env: testEnv('memory') })).rejects.toThrow(
      "RawRequestController.raw: @Cache cannot key on the route's input because it takes the whole request (@Req); pass key: (req) => …",
    );
  });
});
