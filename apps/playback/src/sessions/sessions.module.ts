import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { MemorySessionsRepository } from './adapters/memory-sessions.repository';
import { PostgresSessionsRepository } from './adapters/postgres-sessions.repository';
import { SessionsController } from './sessions.controller';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** The sessions feature: Postgres (the service's schema) when DATABASE_URL is set, memory otherwise. */
@Module({
  controllers: [SessionsController],
  providers: [
    SessionsService,
    {
      provide: SessionsRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresSessionsRepository(sql, schema) : new MemorySessionsRepository(),
    },
  ],
  exports: [SessionsService],
})
export class SessionsModule {}
