import { Module } from '@nestjs/common';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { MemoryChildProfilesRepository } from './adapters/memory-child-profiles.repository';
import { PostgresChildProfilesRepository } from './adapters/postgres-child-profiles.repository';
import { ChildProfilesRepository } from './child-profiles.repository';
import { RepositoryChildOwnership } from './repository-child-ownership';

/**
 * The child profiles store: Postgres (the service's schema, row-level secured) when
 * DATABASE_URL is set, memory otherwise. Its own module so the identity frame
 * (`ChildOwnership`) and the feature share one repository.
 */
@Module({
  providers: [
    {
      provide: ChildProfilesRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA],
      useFactory: (sql: SqlTransactions | null, schema: string) =>
        sql ? new PostgresChildProfilesRepository(sql, schema) : new MemoryChildProfilesRepository(),
    },
    RepositoryChildOwnership,
  ],
  exports: [ChildProfilesRepository, RepositoryChildOwnership],
})
export class ChildProfilesStoreModule {}
