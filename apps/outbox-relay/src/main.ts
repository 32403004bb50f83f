import 'reflect-metadata';
import { bootstrap } from '@mikasmissions/http';
import { AppModule } from './app.module';

/** The standalone outbox relay listens on OUTBOX_RELAY_PORT (default 8095) under /outbox-relay. */
export const OUTBOX_RELAY = { name: 'outbox-relay', defaultPort: 8095, globalPrefix: 'outbox-relay' } as const;

void bootstrap(AppModule, OUTBOX_RELAY);
