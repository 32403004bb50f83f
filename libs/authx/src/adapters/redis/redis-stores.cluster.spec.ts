import { redisClusterUnsupported, startRedisCluster, uniquePrefix, type RedisClusterHandle } from '@mikasmissions/testing';
import type { Cluster } from 'ioredis';
import { otpStoreContract } from '../../ports/otp-store.contract';
import { relationTupleStoreContract } from '../../ports/relation-tuple-store.contract';
import { RedisOtpStore } from './redis-otp.store';
import { RedisRelationTupleStore } from './redis-relation-tuple.store';

const unsupported = redisClusterUnsupported();
if (unsupported) console.warn(`skipping the Redis Cluster specs of libs/authx: ${unsupported}`);
const onCluster = unsupported ? describe.skip : describe;

onCluster('AuthX Redis stores on a 3-master Redis Cluster', () => {
  let cluster: RedisClusterHandle;
  let client: Cluster;
  beforeAll(async () => {
    cluster = await startRedisCluster();
    client = await cluster.client();
  }, 60_000);
  afterAll(() => cluster?.stop());

  otpStoreContract('redis cluster', () => new RedisOtpStore(client, uniquePrefix('authx-otp')));
  relationTupleStoreContract('redis cluster', () => new RedisRelationTupleStore(client, uniquePrefix('authx-rebac')));

  it('takes several OTP budgets all-or-nothing in one script (their windows share one slot)', async () => {
    const store = new RedisOtpStore(client, uniquePrefix('authx-otp'));
    const budgets = [
      { key: 'dest:+4915100000001', max: 2, windowMs: 60_000 },
      { key: 'ip:203.0.113.9', max: 3, windowMs: 60_000 },
    ];
    expect(await store.take(budgets)).toEqual({ ok: true });
    expect(await store.take(budgets)).toEqual({ ok: true });
    expect(await store.take(budgets)).toMatchObject({ ok: false, key: 'dest:+4915100000001' });
    expect(await store.take([budgets[1]])).toEqual({ ok: true });
    expect(await store.take([budgets[1]])).toMatchObject({ ok: false, key: 'ip:203.0.113.9' });
  });
});
