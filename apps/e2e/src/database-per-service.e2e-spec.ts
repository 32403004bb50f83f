import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { createContractValidator, type ServiceProcesses, startServices, testDatabaseUrl, testEnv, testRunId } from '@mikasmissions/testing';
import { gatewayCall } from './testing/gateway-client';
import { signUpParent, verifyConsent } from './testing/gateway-parent';

const ROOT = join(__dirname, '../../..');

/** A database URL on the test server with another database name. */
const withDatabase = (url: string, name: string): string => {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
};

/** `pnpm run migrate <service>` (tools/db) against `databaseUrl`, as a real process. */
function migrate(service: string, databaseUrl: string): string {
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/db/src/migrate.cli.ts', service], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`migrate ${service} failed (${run.status}): ${run.stderr}${run.stdout}`);
  return run.stdout;
}

async function schemasOf(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ nspname: string }>(
      `SELECT nspname FROM pg_namespace WHERE nspname IN ('identity', 'profile') ORDER BY nspname`,
    );
    return rows.map((r) => r.nspname);
  } finally {
    await client.end();
  }
}

async function count(url: string, sql: string, params: unknown[]): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(sql, params)).rows[0].n;
  } finally {
    await client.end();
  }
}

/**
 * A database per service: identity and profile each migrated into and running on a database
 * of its own (created here, dropped after), talking over service-client (profile asks identity
 * for the parent's consent) behind the gateway. Each database holds only its service's schema.
 */
describe('identity and profile on two databases', () => {
  const suffix = randomBytes(3).toString('hex');
  const names = { identity: `${testRunId()}_identity_${suffix}`, profile: `${testRunId()}_profile_${suffix}` };
  const urls = { identity: withDatabase(testDatabaseUrl(), names.identity), profile: withDatabase(testDatabaseUrl(), names.profile) };
  const contract = createContractValidator();
  const groups: ServiceProcesses[] = [];
  let identity: ServiceProcesses;
  let gatewayUrl = '';
  const call = gatewayCall(() => gatewayUrl, contract);

  beforeAll(async () => {
    const admin = new Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      for (const name of Object.values(names)) await admin.query(`CREATE DATABASE "${name}"`);
    } finally {
      await admin.end();
    }
    expect(migrate('identity', urls.identity)).toMatch(/migrate: identity \(schema identity, libs authx, messaging\): \d+ applied/);
    expect(migrate('profile', urls.profile)).toMatch(/migrate: profile \(schema profile, libs messaging\): \d+ applied/);
    const base = { AUTH_MODE: 'enforce', LOG_LEVEL: 'warn' };
    identity = await startServices(['identity'], testEnv('memory', { ...base, DATABASE_URL: urls.identity }));
    groups.push(identity);
    const profile = await startServices(
      ['profile'],
      testEnv('memory', { ...base, DATABASE_URL: urls.profile, IDENTITY_URL: identity.urls.identity }),
    );
    groups.push(profile);
    const gateway = await startServices(
      ['gateway'],
      testEnv('memory', { ...base, IDENTITY_URL: identity.urls.identity, PROFILE_URL: profile.urls.profile }),
    );
    groups.push(gateway);
    gatewayUrl = gateway.urls.gateway;
  }, 240_000);

  afterAll(async () => {
    await Promise.all(groups.map((g) => g.stop()));
    const admin = new Client({ connectionString: testDatabaseUrl() });
    await admin.connect();
    try {
      for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    } finally {
      await admin.end();
    }
  }, 60_000);

  it('migrates each service into its own database only, and a re-run applies nothing', async () => {
    expect(await schemasOf(urls.identity)).toEqual(['identity']);
    expect(await schemasOf(urls.profile)).toEqual(['profile']);
    expect(migrate('profile', urls.profile)).toMatch(
      /migrate: profile \(schema profile, libs messaging\): 0 applied, \d+ already up to date/,
    );
  });

  it('signs a parent up in identity’s database and creates the child in profile’s, across the two services', async () => {
    const parent = await signUpParent(call, 'two-dbs');
    const { id: parentId, token } = parent;
    const child = { parent_user_id: parentId, display_name: 'Mika', age_band: '6-11', avatar: 'fox' };
    const early = await call('POST', '/v1/children/profiles', child, token);
    expect(early.status).toBe(403);
    await verifyConsent(call, identity, parent);
    const created = await call('POST', '/v1/children/profiles', child, token);
    expect(created.status).toBe(201);
    const childId = created.body.child_profile_id as string;

    expect(await count(urls.identity, `SELECT count(*)::int AS n FROM identity.parents WHERE id = $1`, [parentId])).toBe(1);
    expect(
      await count(urls.profile, `SELECT count(*)::int AS n FROM profile.child_profiles WHERE id = $1 AND parent_user_id = $2`, [
        childId,
        parentId,
      ]),
    ).toBe(1);
    expect(await count(urls.profile, `SELECT count(*)::int AS n FROM profile.outbox WHERE type = 'child.profile.created'`, [])).toBe(1);
    const listed = await call('GET', `/v1/children/profiles?parent_user_id=${parentId}`, undefined, token);
    expect(listed.body.profiles).toEqual([expect.objectContaining({ child_profile_id: childId, display_name: 'Mika' })]);
  }, 60_000);
});
