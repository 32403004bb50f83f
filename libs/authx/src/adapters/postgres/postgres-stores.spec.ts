import { createPgPool } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { auditLogContract } from '../../ports/audit-log.contract';
import { relationTupleStoreContract } from '../../ports/relation-tuple-store.contract';
import { roleAssignmentStoreContract } from '../../ports/role-assignment-store.contract';
import { sessionStoreContract } from '../../ports/session-store.contract';
import { totpStoreContract } from '../../ports/totp-store.contract';
import { PostgresAuditLog } from './postgres-audit.log';
import { PostgresRelationTupleStore } from './postgres-relation-tuple.store';
import { PostgresRoleAssignmentStore } from './postgres-role-assignment.store';
import { PostgresSessionStore } from './postgres-session.store';
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
