import { createPgPool } from '@mikasmissions/persistence';
import { createLibSchema, dropSchema, testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { auditLogContract } from '../../ports/audit-log.contract';
import { relationTupleStoreContract } from '../../ports/relation-tuple-store.contract';
import { roleAssignmentStoreContract } from '../../ports/role-assignment-store.contract';
import { roleDefinitionStoreContract } from '../../ports/role-definition-store.contract';
import { sessionStoreContract } from '../../ports/session-store.contract';
import { totpStoreContract } from '../../ports/totp-store.contract';
import { PostgresAuditLog } from './postgres-audit.log';
import { PostgresRelationTupleStore } from './postgres-relation-tuple.store';
import { PostgresRoleAssignmentStore } from './postgres-role-assignment.store';
import { PostgresRoleDefinitionStore } from './postgres-role-definition.store';
import { PostgresSessionStore } from './postgres-session.store';
import { quoteSchema } from './postgres-schema';
import { PostgresTotpStore } from './postgres-totp.store';

let pool: Pool;
beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 12);
});
afterAll(() => pool.end());

sessionStoreContract('postgres', () => new PostgresSessionStore(pool));
relationTupleStoreContract('postgres', () => new PostgresRelationTupleStore(pool));
totpStoreContract('postgres', () => new PostgresTotpStore(pool));
auditLogContract('postgres', () => new PostgresAuditLog(pool));
roleAssignmentStoreContract('postgres', () => new PostgresRoleAssignmentStore(pool));
roleDefinitionStoreContract('postgres', () => new PostgresRoleDefinitionStore(pool));

describe('AuthX Postgres stores in a schema other than identity', () => {
  let schema: string;
  beforeAll(async () => {
    schema = await createLibSchema(pool, ['authx'], 'authx');
  });
  afterAll(() => dropSchema(pool, schema));

  sessionStoreContract('postgres (own schema)', () => new PostgresSessionStore(pool, schema));
  relationTupleStoreContract('postgres (own schema)', () => new PostgresRelationTupleStore(pool, schema));
  totpStoreContract('postgres (own schema)', () => new PostgresTotpStore(pool, schema));
  auditLogContract('postgres (own schema)', () => new PostgresAuditLog(pool, schema));
  roleAssignmentStoreContract('postgres (own schema)', () => new PostgresRoleAssignmentStore(pool, schema));
  roleDefinitionStoreContract('postgres (own schema)', () => new PostgresRoleDefinitionStore(pool, schema));

  it('writes into that schema, not into identity', async () => {
    const store = new PostgresRoleAssignmentStore(pool, schema);
    const user = `schema-probe-${schema}`;
    await store.assign('t-schema', user, 'viewer');
    const count = async (s: string) =>
      (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${quoteSchema(s)}.role_assignments WHERE user_id = $1`, [user])).rows[0]!
        .n;
    expect(await count(schema)).toBe('1');
    expect(await count('identity')).toBe('0');
  });
});

describe('quoteSchema', () => {
  it('quotes a lower-case identifier and rejects anything else', () => {
    expect(quoteSchema('identity')).toBe('"identity"');
    for (const bad of ['Identity', 'a-b', 'x"; DROP SCHEMA identity; --', '', '1abc', 'a'.repeat(64)])
      expect(() => quoteSchema(bad)).toThrow(/invalid schema name/);
    expect(() => new PostgresSessionStore(pool, 'bad name')).toThrow(/invalid schema name/);
  });
});
