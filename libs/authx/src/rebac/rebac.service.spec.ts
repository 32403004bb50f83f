import { createPgPool, createRedisClient } from '@mikasmissions/persistence';
import { deleteKeysUnder, testDatabaseUrl, testKeyPrefix, testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { MemoryRelationTupleStore } from '../adapters/memory/memory-relation-tuple.store';
import { PostgresRelationTupleStore } from '../adapters/postgres/postgres-relation-tuple.store';
import { RedisRelationTupleStore } from '../adapters/redis/redis-relation-tuple.store';
import { resolveAuthxOptions } from '../authx.options';
import type { RelationTupleStore } from '../ports/relation-tuple-store';
import { DEFAULT_REBAC_SCHEMA, assertRebacSchema } from './rebac.schema';
import { RebacService } from './rebac.service';

let pool: Pool;
let redis: Redis;
beforeAll(async () => {
  pool = createPgPool(testDatabaseUrl(), 4);
  redis = createRedisClient(testRedisUrl(), 'authx-rebac-spec');
  await redis.connect();
});
afterAll(async () => {
  await pool.end();
  await deleteKeysUnder(redis, testKeyPrefix());
  await redis.quit();
});

describe.each<[string, () => RelationTupleStore]>([
  ['memory', () => new MemoryRelationTupleStore()],
  ['postgres', () => new PostgresRelationTupleStore(pool)],
  ['redis', () => new RedisRelationTupleStore(redis, uniquePrefix('authx-rebac'))],
])('RebacService on %s tuples', (_name, makeStore) => {
  let rebac: RebacService;
  let tenant: string;
  beforeEach(() => {
    rebac = new RebacService(makeStore(), resolveAuthxOptions({ rebacMaxDepth: 6 }, {}, DEFAULT_REBAC_SCHEMA));
    tenant = `t${randomUUID().slice(0, 8)}`;
  });
  const tuple = (object: string, relation: string, subject: string) => rebac.write(tenant, { object, relation, subject });

  it('allows a direct tuple and nothing else', async () => {
    await tuple('project:123', 'viewer', 'user:1');
    expect(await rebac.check(tenant, 'project:123', 'viewer', 'user:1')).toEqual({ allowed: true, reason: 'direct' });
    expect(await rebac.check(tenant, 'project:123', 'viewer', 'user:2')).toEqual({ allowed: false, reason: 'no_relation' });
    expect((await rebac.check(tenant, 'project:124', 'viewer', 'user:1')).allowed).toBe(false);
    expect((await rebac.check(tenant, 'project:123', 'owner', 'user:1')).allowed).toBe(false);
  });

  it('follows usersets (group:kids#member)', async () => {
    await tuple('project:1', 'viewer', 'group:kids#member');
    await tuple('group:kids', 'member', 'user:mika');
    expect(await rebac.check(tenant, 'project:1', 'viewer', 'user:mika')).toEqual({ allowed: true, reason: 'userset' });
    expect((await rebac.check(tenant, 'project:1', 'viewer', 'user:other')).allowed).toBe(false);
  });

  it('computes owner → editor → viewer and project viewer → event viewer', async () => {
    await tuple('project:9', 'owner', 'user:boss');
    await tuple('event:e1', 'parent', 'project:9');
    expect(await rebac.check(tenant, 'project:9', 'viewer', 'user:boss')).toEqual({ allowed: true, reason: 'computed' });
    expect(await rebac.check(tenant, 'event:e1', 'viewer', 'user:boss')).toEqual({ allowed: true, reason: 'computed' });
    expect(await rebac.check(tenant, 'event:e1', 'editor', 'user:boss')).toEqual({ allowed: true, reason: 'computed' });
    await tuple('project:9', 'viewer', 'user:guest');
    expect((await rebac.check(tenant, 'project:9', 'editor', 'user:guest')).allowed).toBe(false);
  });

  it('ends on cycles of usersets and bounds the depth', async () => {
    await tuple('group:a', 'member', 'group:b#member');
    await tuple('group:b', 'member', 'group:a#member');
    expect(await rebac.check(tenant, 'group:a', 'member', 'user:x')).toEqual({ allowed: false, reason: 'no_relation' });
    for (let i = 0; i < 10; i++) await tuple(`group:g${i}`, 'member', `group:g${i + 1}#member`);
    await tuple('group:g10', 'member', 'user:deep');
    expect(await rebac.check(tenant, 'group:g0', 'member', 'user:deep')).toEqual({ allowed: false, reason: 'depth_exceeded' });
    expect(await rebac.check(tenant, 'group:g6', 'member', 'user:deep')).toEqual({ allowed: true, reason: 'userset' });
  });

  it('keeps tuples of one tenant out of another', async () => {
    await tuple('project:123', 'viewer', 'user:1');
    expect((await rebac.check(`${tenant}b`, 'project:123', 'viewer', 'user:1')).allowed).toBe(false);
  });

  it('rejects malformed tuples with 400', async () => {
    await expect(rebac.write(tenant, { object: 'project', relation: 'viewer', subject: 'user:1' })).rejects.toMatchObject({
      status: 400,
      code: 'invalid_tuple',
    });
    await expect(rebac.check(tenant, 'project:1', 'Viewer!', 'user:1')).rejects.toMatchObject({ status: 400 });
  });
});

describe('REBAC schema validation', () => {
  it('fails at start-up on an unknown implied relation', () => {
    expect(() => assertRebacSchema({ doc: { viewer: { implies: ['editor'] } } })).toThrow('implies unknown relation "editor"');
  });
});
