import { createPgPool } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { relationTupleStoreContract } from '../../ports/relation-tuple-store.contract';
import { sessionStoreContract } from '../../ports/session-store.contract';
import { PostgresRelationTupleStore } from './postgres-relation-tuple.store';
import { PostgresSessionStore } from './postgres-session.store';

let pool: Pool;
beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 12);
});
afterAll(() => pool.end());

sessionStoreContract('postgres', () => new PostgresSessionStore(pool));
relationTupleStoreContract('postgres', () => new PostgresRelationTupleStore(pool));
