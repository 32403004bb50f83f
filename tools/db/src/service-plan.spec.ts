import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { testDatabaseUrl } from '@mikasmissions/testing';
import { readMigrations, SCHEMA_PLACEHOLDER, type Migration } from './migration-files';
import { migrateService } from './migrations';
import { PlatformConfigError, planService, readPlatform, repoRoot } from './service-plan';

const root = repoRoot();

describe('planService (the repository layout)', () => {
  it("merges the declared libs' SQL with the service's own migrations in timestamp order", () => {
    const plan = planService(root, 'analytics');
    expect(plan).toMatchObject({ schema: 'analytics', libs: ['messaging', 'authx', 'idempotency'] });
    expect(plan.migrations.map((m) => m.name)).toEqual([
      '20261123000000_init',
      'authx/20261201000000_authx',
      'messaging/20261201000000_outbox_inbox',
      '20261201000100_recorded_event_counters',
      'messaging/20261202000000_outbox_stream_entry',
      'authx/20261215000000_role_definitions',
      'authx/20261216000000_session_claims',
      'idempotency/20261220000000_idempotency_keys',
    ]);
    for (const m of plan.migrations) expect(m.sql).not.toContain(SCHEMA_PLACEHOLDER);
    expect(plan.migrations[2].sql).toContain('CREATE TABLE IF NOT EXISTS "analytics"."outbox"');
    expect(plan.migrations.find((m) => m.name.startsWith('idempotency/'))?.sql).toContain(
      'CREATE TABLE IF NOT EXISTS "analytics"."idempotency_keys"',
    );
  });

  it('gives identity the AuthX and messaging tables, its parents migration, its family tables and the dashboard RLS in its own schema', () => {
    const plan = planService(root, 'identity');
    expect(plan.migrations.map((m) => m.name)).toEqual([
      'authx/20261201000000_authx',
      'messaging/20261201000000_outbox_inbox',
      '20261201120000_family_controls',
      'messaging/20261202000000_outbox_stream_entry',
      'authx/20261215000000_role_definitions',
      '20261216000000_parents',
      'authx/20261216000000_session_claims',
      '20261217000000_dashboard_row_security',
    ]);
    const sqlOf = (name: string) => plan.migrations.find((m) => m.name === name)?.sql;
    expect(sqlOf('authx/20261201000000_authx')).toContain('"identity"."sessions"');
    expect(sqlOf('messaging/20261201000000_outbox_inbox')).toContain('"identity"."outbox"');
    expect(sqlOf('authx/20261215000000_role_definitions')).toContain('"identity"."role_definitions"');
    expect(sqlOf('20261216000000_parents')).toContain('"identity"."parents"');
    expect(sqlOf('authx/20261216000000_session_claims')).toContain('"identity"."sessions" ADD COLUMN IF NOT EXISTS "claims"');
    expect(sqlOf('20261201120000_family_controls')).toContain('FORCE ROW LEVEL SECURITY');
  });
});

describe('readPlatform', () => {
  let dir: string;
  const write = (json: unknown) => writeFileSync(join(dir, 'prisma/svc/platform.json'), JSON.stringify(json));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mm-platform-'));
    mkdirSync(join(dir, 'prisma/svc'), { recursive: true });
    mkdirSync(join(dir, 'libs/known/sql'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('defaults to the folder name and no libs without platform.json', () => {
    expect(readPlatform(dir, 'svc')).toEqual({ schema: 'svc', libs: [] });
  });

  it('rejects a bad schema name and a lib without SQL', () => {
    write({ schema: 'Bad-Name', libs: [] });
    expect(() => readPlatform(dir, 'svc')).toThrow(PlatformConfigError);
    write({ schema: 'svc', libs: ['known', 'unknown'] });
    expect(() => readPlatform(dir, 'svc')).toThrow('lib "unknown" ships no SQL');
  });
});

/** Columns, constraints, indexes, functions and triggers of a schema, with its name taken out. */
async function describeSchema(client: Client, schema: string): Promise<unknown> {
  const q = async (sql: string) =>
    (await client.query(sql, [schema])).rows.map((r) => JSON.stringify(r).split(schema).join('<schema>')).sort();
  return {
    columns: await q(
      `SELECT table_name, column_name, data_type, column_default, is_nullable FROM information_schema.columns WHERE table_schema = $1`,
    ),
    constraints: await q(
      `SELECT conname, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1`,
    ),
    indexes: await q(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1`),
    functions: await q(`SELECT proname, prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = $1`),
    triggers: await q(
      `SELECT tgname, pg_get_triggerdef(t.oid) AS def FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND NOT t.tgisinternal`,
    ),
    unlogged: await q(
      `SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relpersistence = 'u' AND c.relkind = 'r'`,
    ),
  };
}

describe('pnpm run migrate on a database migrated by the layout before libs owned their SQL (real Postgres)', () => {
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const legacyDir = join(__dirname, 'testing/legacy-layout');
  const into = (migrations: Migration[], from: string, to: string): Migration[] =>
    migrations.map((m) => ({ ...m, sql: m.sql.split(`"${from}"`).join(`"${to}"`) }));
  const legacy = (service: string, schema: string): Migration[] => into(readMigrations(join(legacyDir, service)), service, schema);
  const current = (service: string, schema: string): Migration[] => into(planService(root, service).migrations, service, schema);
  const schemas: string[] = [];
  let client: Client;

  beforeAll(async () => {
    client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
  });
  afterAll(async () => {
    for (const s of schemas) await client.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    await client.end();
  });

  it.each(['analytics', 'identity'])('%s: applies cleanly, ends like a fresh schema, and is a no-op when re-run', async (service) => {
    const old = `legacy_${service}_${tag}`;
    const fresh = `fresh_${service}_${tag}`;
    schemas.push(old, fresh);
    const before = await migrateService(client, old, legacy(service, old));
    expect(before.applied.length).toBeGreaterThan(0);

    const upgrade = await migrateService(client, old, current(service, old));
    expect(upgrade.applied.length).toBeGreaterThan(0);
    await migrateService(client, fresh, current(service, fresh));
    expect(await describeSchema(client, old)).toEqual(await describeSchema(client, fresh));

    expect((await migrateService(client, old, current(service, old))).applied).toEqual([]);
  });
});
