import { Body, Controller, Get, Headers, HttpCode, type INestApplication, Module, Param, Post, Req } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Redis } from 'ioredis';
import { baseUrl } from './boot-app';
import { closeTestApp } from './close-test-app';
import { createContractCall, isContractPath } from './contract-client';
import { eventually } from './eventually';
import { type TestIdentity, who } from './test-identities';
import { testKeyPrefix, testRedisUrl } from './test-env';

@Controller()
class EchoController {
  /** In the contract (`GET /v1/catalog/episodes/{id}`), but this answer's body is not. */
  @Get('v1/catalog/episodes/:id')
  episode(@Param('id') id: string): Record<string, unknown> {
    return { not_an_episode: id };
  }

  /** Outside the contract: echoes what the request carried. */
  @Post('v1/internal/echo')
  @HttpCode(200)
  echo(@Headers() headers: Record<string, string>, @Body() body: unknown, @Req() req: { url: string }): Record<string, unknown> {
    return {
      signed: headers['x-test-signed'] ?? null,
      type: headers['content-type'] ?? null,
      extra: headers['x-extra'] ?? null,
      body,
      url: req.url,
    };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

/** A bare Nest app (no platform frame: these helpers only speak HTTP to it) on an ephemeral port. */
async function startEchoApp(): Promise<INestApplication> {
  const app = await NestFactory.create(EchoModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
}

describe('createContractCall against a booted app', () => {
  let app: INestApplication;
  const signed: Array<{ identity: TestIdentity; method: string; path: string }> = [];
  let call: ReturnType<typeof createContractCall<TestIdentity>>;

  beforeAll(async () => {
    app = await startEchoApp();
    call = createContractCall<TestIdentity>({
      origin: await baseUrl(app),
      sign: (identity, target) => {
        signed.push({ identity, ...target });
        return { 'x-test-signed': `${identity.role}:${identity.subject} ${target.method} ${target.path}` };
      },
    });
  });
  afterAll(() => app.close());

  it('signs for the method and the path without its query, and sends the body as JSON', async () => {
    const res = await call('POST', '/v1/internal/echo?x=1', who.child('p1', 'c1'), { minutes: 3 }, { 'x-extra': 'yes' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      signed: 'child:c1 POST /v1/internal/echo',
      type: 'application/json',
      extra: 'yes',
      body: { minutes: 3 },
      url: '/v1/internal/echo?x=1',
    });
    expect(signed.at(-1)).toEqual({ identity: who.child('p1', 'c1'), method: 'POST', path: '/v1/internal/echo' });
  });

  it('sends no identity headers for a null identity', async () => {
    expect((await call('POST', '/v1/internal/echo', null, {})).body.signed).toBeNull();
  });

  it('rejects a /v1 answer the contract does not allow, unless the call says it is unlisted', async () => {
    await expect(call('GET', '/v1/catalog/episodes/ep-1', who.parent('p1'))).rejects.toThrow(/getCatalogEpisode|episode/i);
    const unlisted = await call('GET', '/v1/catalog/episodes/ep-1', who.parent('p1'), undefined, {}, true);
    expect(unlisted.body).toEqual({ not_an_episode: 'ep-1' });
  });

  it('checks /v1 paths but not internal, health or ready ones', () => {
    expect(['/v1/kids/home', '/v1/internal/x', '/v1/health', '/v1/ready', '/internal/x', '/health'].map(isContractPath)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('who', () => {
  it('names the gateway as the default service caller and lets a test name another', () => {
    expect(who.service().subject).toBe('service:gateway');
    expect(who.service('playback')).toEqual({ role: 'service', tenantId: 'default', requestId: 'r-service', subject: 'playback' });
    expect(who.child('p1', 'c1')).toMatchObject({ role: 'child', parentUserId: 'p1', childProfileId: 'c1', subject: 'c1' });
  });
});

describe('eventually', () => {
  it('stops reading once the value is done, and gives the last value when time runs out', async () => {
    let reads = 0;
    expect(
      await eventually(
        () => ++reads,
        (n) => n === 3,
        5_000,
        1,
      ),
    ).toBe(3);
    expect(reads).toBe(3);
    const last = await eventually(
      async () => 'never',
      (v) => v === 'done',
      30,
      5,
    );
    expect(last).toBe('never');
  });
});

describe('closeTestApp (real Redis)', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(testRedisUrl(), { connectionName: 'testing-close-app-spec' });
  });
  afterAll(() => redis.quit());

  it("closes the app and deletes the file's keys when its stores include Redis, and only then", async () => {
    const key = `${testKeyPrefix()}close-test-app:probe`;
    await redis.set(key, '1');
    const memoryApp = await startEchoApp();
    await closeTestApp(memoryApp, 'memory');
    expect(await redis.exists(key)).toBe(1);
    const redisApp = await startEchoApp();
    const origin = await baseUrl(redisApp);
    await closeTestApp(redisApp, 'redis');
    expect(await redis.exists(key)).toBe(0);
    await expect(fetch(`${origin}/v1/internal/echo`, { method: 'POST' })).rejects.toThrow();
  });
});
