import { createPgPool } from '@mikasmissions/persistence';
import { testDatabaseUrl } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { IdentityPrismaService } from '../../infra/identity-prisma.service';
import { watchLedgerContract } from '../watch-ledger.contract';
import { MemoryWatchLedger } from './memory-watch-ledger';
import { PrismaWatchLedger } from './prisma-watch-ledger';

let pool: Pool;
let prisma: IdentityPrismaService;

beforeAll(() => {
  pool = createPgPool(testDatabaseUrl(), 4);
  prisma = new IdentityPrismaService(pool);
});
afterAll(async () => {
  await prisma.$disconnect();
  if (!pool.ended) await pool.end();
});

watchLedgerContract('memory', () => new MemoryWatchLedger());
watchLedgerContract('prisma (real Postgres)', () => new PrismaWatchLedger(prisma));
