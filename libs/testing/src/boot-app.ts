import type { INestApplication, Type } from '@nestjs/common';
import { collectConfigFragments, loadConfig } from '@mikasmissions/config';
import { createApp, type HttpAdapterName } from '@mikasmissions/http';

/** Options of {@link bootApp}. */
export interface BootAppOptions {
  adapter: HttpAdapterName;
  env: Record<string, string | undefined>;
  globalPrefix?: string;
}

/**
 * Boots `module` exactly as production does (`createApp`), on the given adapter and
 * environment, listening on an ephemeral port. The environment replaces `process.env`
 * only while the app is built.
 */
export async function bootApp(module: Type<unknown>, options: BootAppOptions): Promise<INestApplication> {
  const saved = process.env;
  process.env = { ...options.env };
  try {
    const app = await createApp(module, {
      adapter: options.adapter,
      globalPrefix: options.globalPrefix,
      config: loadConfig(options.env, collectConfigFragments(module)),
    });
    await app.listen(0, '127.0.0.1');
    return app;
  } finally {
    process.env = saved;
  }
}

/** The base URL of an app started by {@link bootApp}. */
export async function baseUrl(app: INestApplication, prefix = ''): Promise<string> {
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return prefix ? `${url}/${prefix}` : url;
}

/** Both HTTP adapters, for `describe.each(ADAPTERS)`. */
export const ADAPTERS: HttpAdapterName[] = ['express', 'fastify'];
