/**
 * Jest global setup. Checks Redis and Postgres first, drops what crashed runs left (test
 * databases and keys of runs older than an hour), then makes this run's throwaway database
 * (migrated like `pnpm run migrate`) and exposes TEST_DATABASE_URL, TEST_REDIS_URL and
 * TEST_RUN_ID (the database's name, and the first segment of every Redis key tests write).
 * Until the teardown, Ctrl-C or SIGTERM drops the database and the run's keys before exiting.
 */
require('@swc-node/register');
const { Client } = require('pg');
const Redis = require('ioredis');
const path = require('node:path');
const { migrateServices } = require('../db/src/migrations.ts');
const { newTestRunId } = require('../../libs/testing/src/test-run.ts');
const { deleteStaleTestRunKeys } = require('../../libs/testing/src/redis-test-keys.ts');
const { dropStaleTestDatabases } = require('../../libs/testing/src/test-databases.ts');
const { cleanupOnSignals, cleanupTestRun } = require('../../libs/testing/src/test-run-cleanup.ts');

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const STALE_AFTER_MS = 60 * 60 * 1000;

const say = (line) => process.stdout.write(`[test run] ${line}\n`);

async function connectRedis() {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `Tests need Redis at ${REDIS_URL} (${error.message}). Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`,
    );
  }
}

async function connectPostgres(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(
      `Tests need Postgres at ${ADMIN_URL} (${error.message}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
    );
  }
}

async function dropLeftovers(admin, redis, name) {
  const { dropped, inUse } = await dropStaleTestDatabases(admin, STALE_AFTER_MS);
  for (const db of dropped) say(`dropped database ${db} left by a crashed run`);
  for (const db of inUse) say(`kept stale database ${db}: a session still uses it`);
  for (const [run, count] of await deleteStaleTestRunKeys(redis, STALE_AFTER_MS, name))
    say(`deleted ${count} Redis keys of crashed run ${run}`);
}

module.exports = async function globalSetup() {
  const name = newTestRunId();
  const run = { name, adminUrl: ADMIN_URL, redisUrl: REDIS_URL };
  const redis = await connectRedis();
  let admin;
  let stopWatching = () => undefined;
  try {
    admin = await connectPostgres(ADMIN_URL);
    await dropLeftovers(admin, redis, name);
    stopWatching = cleanupOnSignals(run);
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    stopWatching();
    throw error;
  } finally {
    redis.disconnect();
    await admin?.end();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  try {
    const client = await connectPostgres(dbUrl);
    await migrateServices(client, path.resolve(__dirname, '../..')).finally(() => client.end());
  } catch (error) {
    stopWatching();
    await cleanupTestRun(run).catch((cleanup) => say(String(cleanup)));
    throw error;
  }

  process.env.TEST_DATABASE_URL = dbUrl;
  process.env.TEST_REDIS_URL = REDIS_URL;
  process.env.TEST_RUN_ID = name;
  globalThis.__MM_TEST_RUN__ = { run, stopWatching };
};
