import type { INestApplication, Type } from '@nestjs/common';
import { bootstrap as startHttp } from '@mikasmissions/http';
import { connectEventConsumers } from '@mikasmissions/messaging';
import { PlatformModule } from './platform.module';

/**
 * Starts a service made of `PlatformModule.forRoot(…)` and its feature modules: the HTTP app
 * on its port and prefix (from the module's options), then its event consumers when the
 * service uses messaging. Start-up problems print as plain lines and exit 1.
 *
 * @example
 * void bootstrap(AppModule);
 */
export async function bootstrap(appModule: Type<unknown>): Promise<INestApplication> {
  const options = PlatformModule.optionsOf(appModule);
  if (!options) {
    process.stderr.write(`[${appModule.name}] cannot start: its imports have no PlatformModule.forRoot({ service, http })\n`);
    process.exit(1);
  }
  const app = await startHttp(appModule, {
    name: options.service,
    defaultPort: options.http.port,
    globalPrefix: options.http.prefix,
    adapter: options.http.adapter,
  });
  if (options.messaging) {
    try {
      await connectEventConsumers(app);
    } catch (error) {
      process.stderr.write(
        `[${options.service}] event consumers did not start: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exit(1);
    }
  }
  return app;
}
