import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { PG_POOL } from '@mikasmissions/persistence';
import { PrismaPg } from '@prisma/adapter-pg';
import type { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';

/** The analytics service's Prisma client type. */
export type AnalyticsPrisma = PrismaClient;

/**
 * The analytics Prisma client on the process's shared pg pool (Prisma 7 driver adapter).
 * Only constructed when DATABASE_URL is set.
 */
@Injectable()
export class AnalyticsPrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(PG_POOL) pool: Pool) {
    super({ adapter: new PrismaPg(pool) });
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
