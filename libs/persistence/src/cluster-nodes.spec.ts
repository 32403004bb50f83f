import { Cluster } from 'ioredis';
import Redis from 'ioredis';
import { connectRedis, createRedisClient, parseClusterNodes } from './connections';

describe('parseClusterNodes', () => {
  it('reads host:port lists, with spaces and IPv6 brackets', () => {
    expect(parseClusterNodes(' 10.0.0.1:6379,redis-b:7000 ,[::1]:7001')).toEqual([
      { host: '10.0.0.1', port: 6379 },
      { host: 'redis-b', port: 7000 },
      { host: '::1', port: 7001 },
    ]);
  });

  it('refuses an entry without a port', () => {
    expect(() => parseClusterNodes('10.0.0.1')).toThrow('REDIS_CLUSTER_NODES: "10.0.0.1" is not host:port');
    expect(() => parseClusterNodes(['h:0'])).toThrow('is not host:port');
  });
});

describe('connectRedis / createRedisClient', () => {
  it('is a single-server client without cluster nodes and a Cluster client with them, taking credentials from the URL', () => {
    const single = createRedisClient('redis://127.0.0.1:6379');
    expect(single).toBeInstanceOf(Redis);
    const cluster = connectRedis('rediss://app:s3cret@127.0.0.1:6379', ['127.0.0.1:7101', '127.0.0.1:7102'], {
      lazyConnect: true,
      connectionName: 'x',
    });
    expect(cluster).toBeInstanceOf(Cluster);
    const options = (cluster as Cluster).options.redisOptions;
    expect(options).toMatchObject({ username: 'app', password: 's3cret', connectionName: 'x', tls: {} });
    single.disconnect();
    cluster.disconnect();
  });
});
