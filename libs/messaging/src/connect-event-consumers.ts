import type { INestApplication } from '@nestjs/common';
import { InProcessEventsServer } from './transport/in-process-events.server';
import { RedisStreamsServer } from './transport/redis-streams.server';

/**
 * Connects the app's `@EventPattern` handlers to Redis Streams (when `REDIS_URL` or `MESSAGING_REDIS_URL` is set), or
 * to the in-process bus in pure memory mode, and starts consuming. Returns whether a
 * consumer was started (not with Postgres but no Redis: events wait in the outbox).
 *
 * @example
 * const app = await bootstrap(AppModule, { name: 'analytics', defaultPort: 3003 });
 * await connectEventConsumers(app);
 */
export async function connectEventConsumers(app: INestApplication): Promise<boolean> {
  const strategy = app.get(RedisStreamsServer, { strict: false }) ?? app.get(InProcessEventsServer, { strict: false });
  if (!strategy) return false;
  app.connectMicroservice({ strategy }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  return true;
}
