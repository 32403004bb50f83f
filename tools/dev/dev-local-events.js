/**
 * How dev:local's apps exchange events: over a local Redis (Redis Streams; stores stay memory)
 * when one answers PING on 127.0.0.1:6379 and nothing was exported, else in-process.
 */
const { createConnection } = require('node:net');

const LOCAL_REDIS = { host: '127.0.0.1', port: 6379 };
const INPROCESS_LIMITS =
  'events stay in-process: no trial at consent (playback answers entitlement_required), no dashboard watch figures, no rails freshness from progress';

/** Resolves whether a Redis answers PING at host:port within timeoutMs (never rejects). */
function redisAnswers({ host, port }, timeoutMs = 300) {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port });
    let reply = '';
    const done = (ok) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
    socket.on('error', () => done(false));
  });
}

/**
 * The variables dev:local adds for events and the one line it prints about them.
 * `env` is the caller's environment; `probe` is for tests.
 */
async function decideEvents(env, probe = redisAnswers) {
  if (env.DEV_LOCAL_EVENTS === 'inprocess') return { env: {}, line: `${INPROCESS_LIMITS} (DEV_LOCAL_EVENTS=inprocess)` };
  if (env.MESSAGING_REDIS_URL)
    return { env: {}, line: `events cross services over ${env.MESSAGING_REDIS_URL} (MESSAGING_REDIS_URL you exported)` };
  if (env.REDIS_URL) return { env: {}, line: `events cross services over REDIS_URL (${env.REDIS_URL})` };
  if (env.DATABASE_URL) return { env: {}, line: 'DATABASE_URL without REDIS_URL: events wait in the outbox until a relay with Redis runs' };
  if (!(await probe(LOCAL_REDIS)))
    return { env: {}, line: `${INPROCESS_LIMITS}; start a Redis on 127.0.0.1:6379 to have them cross services` };
  const url = `redis://${LOCAL_REDIS.host}:${LOCAL_REDIS.port}`;
  const prefix = `devlocal:${Date.now().toString(36)}-${process.pid}:events:`;
  return {
    env: { MESSAGING_REDIS_URL: url, MESSAGING_STREAM_PREFIX: prefix },
    line: `events cross services over Redis ${url} (streams ${prefix}*; stores stay in memory)`,
    cleanup: () => deleteKeysUnder(url, prefix),
  };
}

/** Deletes every key under `prefix` (this run's streams, their epochs and dead-letter streams); resolves to how many. */
async function deleteKeysUnder(url, prefix) {
  const Redis = require('ioredis');
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1_000,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  let deleted = 0;
  try {
    await redis.connect();
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}

module.exports = { decideEvents, deleteKeysUnder, redisAnswers };
