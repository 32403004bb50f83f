import 'reflect-metadata';
import { bootstrap } from '@mikasmissions/http';
import { AppModule } from './app.module';

/** Identity (AuthX host) listens on IDENTITY_PORT (default 8081) under /v1, the gateway's public prefix. */
export const IDENTITY = { name: 'identity', defaultPort: 8081, globalPrefix: 'v1' } as const;

void bootstrap(AppModule, IDENTITY);
