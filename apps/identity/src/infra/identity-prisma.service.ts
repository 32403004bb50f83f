import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import type { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterPrisma } from '@nestjs-cls/transactional-adapter-prisma';
import { PG_POOL } from '@mikasmissions/persistence';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';

/** The identity service's Prisma client type. */
export type IdentityPrisma = PrismaClient;

/** The identity service's transaction host (nestjs-cls, Prisma adapter): writes join the current transaction. */
export type IdentityTransactionHost = TransactionHost<TransactionalAdapterPrisma<IdentityPrisma>>;

/**
 * The identity Prisma client on the process's shared pg pool (Prisma 7 driver adapter), for the
 * parents, consent, admin and dashboard tables. Only constructed when DATABASE_URL is set.
 */
@Injectable()
export class IdentityPrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super({ adapter: new PrismaPg(pool) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
