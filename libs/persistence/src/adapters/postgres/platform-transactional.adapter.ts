import type { TransactionalAdapter, TransactionalAdapterOptions } from '@nestjs-cls/transactional';
import { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import { inPgTransaction } from '../../pg-transaction';
import { PG_POOL } from '../../persistence.tokens';
import type { Pool, PoolClient } from 'pg';

type Tx = unknown;
type TxOptions = Record<string, unknown>;

const NO_CONNECTION = Symbol.for('mikasmissions.persistence.no-connection');

/**
 * The transactional adapter every service registers (through `PersistenceModule`): Prisma
 * interactive transactions when the service has a Prisma client, plain pg transactions
 * when it only has `DATABASE_URL`, and a no-op (writes buffered until success) in memory mode.
 */
export class PlatformTransactionalAdapter implements TransactionalAdapter<unknown, Tx, TxOptions> {
  readonly connectionToken: unknown;
  readonly extraProviderTokens = [PG_POOL];
  readonly defaultTxOptions: TxOptions;

  constructor(prismaToken?: unknown, defaultTxOptions: TxOptions = { maxWait: 5_000, timeout: 15_000 }) {
    this.connectionToken = prismaToken ?? PG_POOL;
    this.defaultTxOptions = defaultTxOptions;
  }

  optionsFactory = (connection: unknown, extras: unknown[]): TransactionalAdapterOptions<Tx, TxOptions> => {
    const pool = (extras[0] as Pool | null) ?? null;
    if (connection && typeof (connection as { $transaction?: unknown }).$transaction === 'function') {
      const prisma = new TransactionalAdapterPrisma({ prismaInjectionToken: NO_CONNECTION, sqlFlavor: 'postgresql' });
      return prisma.optionsFactory(connection as never) as unknown as TransactionalAdapterOptions<Tx, TxOptions>;
    }
    if (pool) return pgPoolOptions(pool);
    return { wrapWithTransaction: (_options, fn) => fn(), getFallbackInstance: () => null };
  };
}

function pgPoolOptions(pool: Pool): TransactionalAdapterOptions<Tx, TxOptions> {
  return {
    wrapWithTransaction: async (_options, fn, setTx) => {
      return inPgTransaction(pool, (client: PoolClient) => {
        setTx(client);
        return fn();
      });
    },
    getFallbackInstance: () => pool,
  };
}
