/** Drops the throwaway database of this run (kept when KEEP_TEST_DB=true, for debugging). */
const { Client } = require('pg');

const ADMIN_URL = process.env.TEST_PG_ADMIN_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';

module.exports = async function globalTeardown() {
  const name = globalThis.__MM_TEST_DB__;
  if (!name || process.env.KEEP_TEST_DB === 'true') return;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
};
