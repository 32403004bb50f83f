import 'reflect-metadata';
import { bootstrap } from '@mikasmissions/http';
import { AppModule } from './app.module';

/** Analytics listens on ANALYTICS_PORT (default 3003) under /api/v1/analytics. */
export const ANALYTICS = { name: 'analytics', defaultPort: 3003, globalPrefix: 'api/v1/analytics' } as const;

void bootstrap(AppModule, ANALYTICS);
