import { Module } from '@nestjs/common';
import { PG_POOL } from '@mikasmissions/persistence';
import type { Pool } from 'pg';
import { AnalyticsPrismaService } from './analytics-prisma.service';

/** Analytics infrastructure: its Prisma client, `null` unless DATABASE_URL is set. */
@Module({
  providers: [
    {
      provide: AnalyticsPrismaService,
      inject: [PG_POOL],
      useFactory: (pool: Pool | null) => (pool ? new AnalyticsPrismaService(pool) : null),
    },
  ],
  exports: [AnalyticsPrismaService],
})
export class InfraModule {}
