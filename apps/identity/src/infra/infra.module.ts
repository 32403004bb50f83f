import { Module } from '@nestjs/common';
import { PG_POOL } from '@mikasmissions/persistence';
import type { Pool } from 'pg';
import { IdentityPrismaService } from './identity-prisma.service';

/** Identity infrastructure: its Prisma client, `null` unless DATABASE_URL is set. */
@Module({
  providers: [
    {
      provide: IdentityPrismaService,
      inject: [PG_POOL],
      useFactory: (pool: Pool | null) => (pool ? new IdentityPrismaService(pool) : null),
    },
  ],
  exports: [IdentityPrismaService],
})
export class InfraModule {}
