import type { INestApplication, Type } from '@nestjs/common';
import { collectConfigFragments, ConfigValidationError, loadConfig, resolvePort } from '@mikasmissions/config';
import { startTracing } from '@mikasmissions/context';
import { createApp, CreateAppOptions } from './create-app';

/** Options of {@link bootstrap}. */
export interface BootstrapOptions extends Omit<CreateAppOptions, 'config'> {
  /** App name: used for `<NAME>_PORT`, logs and traces. */
  name: string;
  /** Port when neither `<NAME>_PORT` nor `PORT` is set. */
  defaultPort: number;
  /** Interface to bind. Default: `LISTEN_HOST` (`0.0.0.0`). */
  host?: string;
}

/** Prints start-up failures as plain lines (no stack trace) and exits 1. */
function failStartup(name: string, error: unknown): never {
  if (error instanceof ConfigValidationError) {
    process.stderr.write(`[${name}] cannot start. ${error.message}\n`);
  } else if ((error as { code?: string }).code === 'EADDRINUSE') {
    const port = (error as { port?: number }).port;
    const variable = `${name.toUpperCase().replace(/-/g, '_')}_PORT`;
    process.stderr.write(
      `[${name}] cannot start: port ${port} is already in use; set ${variable}=<a free port> (or stop what listens there)\n`,
    );
  } else {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`[${name}] cannot start: ${message}\n`);
    if (process.env.DEBUG_STARTUP === 'true' && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  }
  process.exit(1);
}

/**
 * The one way every app starts: validated config, tracing (when configured), Express or
 * Fastify (`USE_FASTIFY=true`), global prefix, graceful shutdown on SIGTERM within
 * `SHUTDOWN_TIMEOUT_MS`.
 *
 * @example
 * void bootstrap(AppModule, { name: 'analytics', defaultPort: 3003, globalPrefix: 'api/v1/analytics' });
 */
export async function bootstrap(module: Type<unknown>, options: BootstrapOptions): Promise<INestApplication> {
  try {
    // One pass over the core variables and the fragment of every module `module` imports (@UsesConfig).
    const config = loadConfig(process.env, collectConfigFragments(module));
    const port = resolvePort(process.env, options.name, options.defaultPort);
    startTracing(config, options.name);
    const app = await createApp(module, { ...options, config });
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        process.stdout.write(`[${options.name}] ${signal}: draining in-flight requests, then closing stores\n`);
        setTimeout(() => {
          process.stderr.write(`[${options.name}] shutdown took longer than ${config.http.shutdownTimeoutMs} ms; exiting\n`);
          process.exit(1);
        }, config.http.shutdownTimeoutMs + 1_000).unref();
        void app.close().then(
          () => process.exit(0),
          (error: unknown) => {
            process.stderr.write(`[${options.name}] shutdown failed: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exit(1);
          },
        );
      });
    }
    await app.listen(port, options.host ?? config.http.host);
    const adapter = app.getHttpAdapter().getType();
    const prefix = options.globalPrefix ? `/${options.globalPrefix}` : '';
    const address = app.getHttpServer().address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(
      `[${options.name}] listening on http://localhost:${actualPort}${prefix} (${adapter}, persistence=${config.persistence.mode})\n`,
    );
    return app;
  } catch (error) {
    failStartup(options.name, error);
  }
}
