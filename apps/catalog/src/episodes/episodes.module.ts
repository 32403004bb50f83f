import { Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { PERSISTENCE_SCHEMA, SqlTransactions } from '@mikasmissions/persistence';
import { catalogConfig } from '../catalog.config';
import { ServiceChildPolicySource } from '../child-policy/adapters/service-child-policy.source';
import { ChildPolicySource } from '../child-policy/child-policy.source';
import { EpisodeReadGuard } from '../child-policy/episode-read.guard';
import { ensureDemoClip } from '../demo/demo-clip';
import { seedDemoCatalog } from '../demo/seed-demo-catalog';
import { MemoryEpisodesRepository } from './adapters/memory-episodes.repository';
import { PostgresEpisodesRepository } from './adapters/postgres-episodes.repository';
import { EpisodeEtagInterceptor } from './episode-etag.interceptor';
import { EpisodePublishedConsumer } from './episode-published.consumer';
import { EpisodePresenter } from './episode.presenter';
import { EpisodesController } from './episodes.controller';
import { EpisodesRepository } from './episodes.repository';
import { EpisodesService } from './episodes.service';
import { InternalEpisodesController } from './internal-episodes.controller';

/**
 * The episodes feature: Postgres (the service's schema) when DATABASE_URL is set, else memory
 * with the demo episodes loaded at start and ep-demo-1's clip generated into `MEDIA_STORE_DIR`
 * if missing (`CATALOG_DEMO_DATA=false` starts it empty). The
 * child filter reads profile and identity through ServiceClient.
 */
@UsesConfig(catalogConfig)
@Module({
  controllers: [EpisodesController, InternalEpisodesController, EpisodePublishedConsumer],
  providers: [
    EpisodesService,
    EpisodeReadGuard,
    EpisodeEtagInterceptor,
    { provide: ChildPolicySource, useClass: ServiceChildPolicySource },
    {
      provide: EpisodePresenter,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new EpisodePresenter(config.slice(catalogConfig).MEDIA_BASE),
    },
    {
      provide: EpisodesRepository,
      inject: [SqlTransactions, PERSISTENCE_SCHEMA, AppConfig],
      useFactory: async (sql: SqlTransactions | null, schema: string, config: AppConfig) => {
        if (sql) return new PostgresEpisodesRepository(sql, schema);
        const memory = new MemoryEpisodesRepository();
        const env = config.slice(catalogConfig);
        if (env.CATALOG_DEMO_DATA !== false) {
          await seedDemoCatalog(memory);
          await ensureDemoClip(env.MEDIA_STORE_DIR);
        }
        return memory;
      },
    },
  ],
  exports: [EpisodesService],
})
export class EpisodesModule {}
