import type { INestApplication } from '@nestjs/common';
import { RedisStreamsServer } from './transport/redis-streams.server';

/**
 * Connects the app's `@EventPattern` handlers to Redis Streams (when `REDIS_URL` is set)
 * and starts consuming. Returns whether a consumer was started.
 *
 * @example
 * const app = await bootstrap(AppModule, ANALYTICS);
 * await connectEventConsumers(app);
 */
export async function connectEventConsumers(app: INestApplication): Promise<boolean> {
  const strategy = app.get(RedisStreamsServer, { strict: false });
  if (!strategy) return false;
  app.connectMicroservice({ strategy }, { inheritAppConfig: true });
  await app.startAllMicroservices();
  return true;
}
