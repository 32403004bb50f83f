import 'reflect-metadata';
import { bootstrap } from '@mikasmissions/http';
import { connectEventConsumers } from '@mikasmissions/messaging';
import { AppModule } from './app.module';

/** Analytics listens on ANALYTICS_PORT (default 3003) under /api/v1/analytics. */
export const ANALYTICS = { name: 'analytics', defaultPort: 3003, globalPrefix: 'api/v1/analytics' } as const;

void bootstrap(AppModule, ANALYTICS)
  .then((app) => connectEventConsumers(app))
  .catch((error: unknown) => {
    process.stderr.write(`[analytics] event consumer did not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
