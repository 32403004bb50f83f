import { createPgPool, SqlTransactions, toSqlClient, type SqlClient } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import { PrismaPg } from '@prisma/adapter-pg';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Pool } from 'pg';
import { PostgresControlsRepository } from '../controls/adapters/postgres-controls.repository';
import { controlsRepositoryContract } from '../controls/controls-repository.contract';
import { PostgresGateStore } from '../gates/adapters/postgres-gate.store';
import { gateStoreContract } from '../gates/gate-store.contract';
import { PrismaClient } from '../generated/prisma/client';
import { PostgresKidsSessionStore } from '../kids-sessions/adapters/postgres-kids-session.store';
import { kidsSessionStoreContract } from '../kids-sessions/kids-session-store.contract';

/**
 * {@link SqlTransactions} over Prisma interactive transactions, as libs/persistence runs them
 * when a service registers a Prisma client: the family adapters' row scope (`SET LOCAL ROLE`,
 * `set_config`) and SQL must work through `$queryRawUnsafe` as well as through pg.
 */
class PrismaSqlTransactions extends SqlTransactions {
  private readonly storage = new AsyncLocalStorage<unknown>();

  constructor(
    private readonly prisma: InstanceType<typeof PrismaClient>,
    readonly pool: Pool,
  ) {
    super();
  }

  run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.storage.getStore()) return fn();
    return this.prisma.$transaction((tx) => this.storage.run(tx, fn));
  }

  active(): boolean {
    return this.storage.getStore() !== undefined;
  }

  client(): SqlClient {
    return toSqlClient(this.storage.getStore() ?? this.prisma);
  }
}

let pool: Pool;
let prisma: InstanceType<typeof PrismaClient>;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 6);
  prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
});
afterAll(async () => {
  await prisma.$disconnect();
  if (!pool.ended) await pool.end();
});

const sql = () => new PrismaSqlTransactions(prisma, pool);
controlsRepositoryContract('postgres through Prisma transactions', () => new PostgresControlsRepository(sql()));
gateStoreContract('postgres through Prisma transactions', () => new PostgresGateStore(sql()));
kidsSessionStoreContract('postgres through Prisma transactions', () => new PostgresKidsSessionStore(sql()));
