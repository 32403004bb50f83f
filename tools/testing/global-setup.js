/**
 * Jest global setup: makes a throwaway Postgres database for this run (migrated like
 * `pnpm run migrate`: each service's libs' SQL and its own migrations) and a Redis key
 * namespace, and exposes them to the tests as TEST_DATABASE_URL and TEST_REDIS_URL. Fails with a clear message when a server is down.
 */
require('@swc-node/register');
const { Client } = require('pg');
const Redis = require('ioredis');
const path = require('node:path');
const { migrateServices } = require('../db/src/migrations.ts');

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

module.exports = async function globalSetup() {
  const admin = new Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`Tests need Postgres at ${ADMIN_URL} (${error.message}). Start it: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`);
  }
  const name = `mm_test_${Date.now().toString(36)}_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const dbUrl = url.toString();
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  await migrateServices(client, path.resolve(__dirname, '../..'));
  await client.end();

  const redis = new Redis(REDIS_URL, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new Error(`Tests need Redis at ${REDIS_URL} (${error.message}). Start it: redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no`);
  } finally {
    redis.disconnect();
  }

  process.env.TEST_DATABASE_URL = dbUrl;
  process.env.TEST_REDIS_URL = REDIS_URL;
  process.env.TEST_RUN_ID = name;
  globalThis.__MM_TEST_DB__ = name;
};
