import { createServer, type Server } from 'node:net';
import { createRedisClient } from '@mikasmissions/persistence';
import { testRedisUrl, uniquePrefix } from '@mikasmissions/testing';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- dev:local is plain CommonJS run by node
const { decideEvents, deleteKeysUnder, redisAnswers } = require('./dev-local-events') as {
  decideEvents(
    env: Record<string, string | undefined>,
    probe?: () => Promise<boolean>,
  ): Promise<{ env: Record<string, string>; line: string; cleanup?: () => Promise<number> }>;
  deleteKeysUnder(url: string, prefix: string): Promise<number>;
  redisAnswers(at: { host: string; port: number }, timeoutMs?: number): Promise<boolean>;
};

const listen = async (onData: (socket: import('node:net').Socket) => void): Promise<{ server: Server; port: number }> => {
  const server = createServer((socket) => socket.on('data', () => onData(socket)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port };
};

describe('dev:local events', () => {
  it('sends events over the local Redis with a per-run stream prefix when nothing is exported and Redis answers', async () => {
    const decided = await decideEvents({}, async () => true);
    expect(decided.env).toEqual({
      MESSAGING_REDIS_URL: 'redis://127.0.0.1:6379',
      MESSAGING_STREAM_PREFIX: expect.stringMatching(/^devlocal:[a-z0-9]+-\d+:events:$/),
    });
    expect(decided.line).toContain('events cross services over Redis redis://127.0.0.1:6379');
  });

  it('keeps events in-process and says what does not work without a Redis, or when forced', async () => {
    for (const decided of [
      await decideEvents({}, async () => false),
      await decideEvents({ DEV_LOCAL_EVENTS: 'inprocess' }, async () => true),
    ]) {
      expect(decided.env).toEqual({});
      expect(decided.line).toMatch(/events stay in-process: no trial at consent .*dashboard.*rails/);
    }
  });

  it('leaves exported REDIS_URL / MESSAGING_REDIS_URL alone', async () => {
    const probe = jest.fn(async () => true);
    expect((await decideEvents({ REDIS_URL: 'redis://r:6379' }, probe)).env).toEqual({});
    expect((await decideEvents({ MESSAGING_REDIS_URL: 'redis://m:6379' }, probe)).env).toEqual({});
    expect(probe).not.toHaveBeenCalled();
  });

  it('probes with PING: +PONG is a Redis, anything else, silence or a closed port is not', async () => {
    const pong = await listen((s) => s.write('+PONG\r\n'));
    const http = await listen((s) => s.write('HTTP/1.1 400 Bad Request\r\n\r\n'));
    const silent = await listen(() => undefined);
    try {
      expect(await redisAnswers({ host: '127.0.0.1', port: pong.port })).toBe(true);
      expect(await redisAnswers({ host: '127.0.0.1', port: http.port })).toBe(false);
      const started = Date.now();
      expect(await redisAnswers({ host: '127.0.0.1', port: silent.port }, 200)).toBe(false);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(await redisAnswers({ host: '127.0.0.1', port: 1 })).toBe(false);
    } finally {
      for (const { server } of [pong, http, silent]) server.close();
    }
  });

  it("deletes the run's streams on exit, and nothing outside its prefix", async () => {
    const redis = createRedisClient(testRedisUrl(), 'dev-local-events-spec');
    await redis.connect();
    const run = uniquePrefix('devlocal');
    const other = uniquePrefix('other');
    try {
      await redis.xadd(`${run}events:consent.verified`, '*', 'envelope', '{}');
      await redis.set(`${run}events:consent.verified:epoch`, 'e1');
      await redis.xadd(`${other}events:consent.verified`, '*', 'envelope', '{}');
      expect(await deleteKeysUnder(testRedisUrl(), run)).toBe(2);
      expect(await redis.keys(`${run}*`)).toEqual([]);
      expect(await redis.exists(`${other}events:consent.verified`)).toBe(1);
      expect(typeof (await decideEvents({}, async () => true)).cleanup).toBe('function');
    } finally {
      await redis.del(`${other}events:consent.verified`);
      await redis.quit();
    }
  });
});
