import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, collectConfigFragments, loadConfig } from '@mikasmissions/config';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Server } from 'node:http';
import { Logger as PinoLogger } from 'nestjs-pino';
import { installExpressBody, installFastifyBody, writeError } from './body-parsers';
import { collectMultipartPaths } from './accepts-multipart.decorator';
import { answerClientError } from './client-error';
import { MAX_URL_LENGTH } from './request-head';

/** Options of {@link createApp} and `bootstrap`. */
export interface CreateAppOptions {
  /** Global route prefix, e.g. `api/v1/analytics`. */
  globalPrefix?: string;
  /** Force an HTTP adapter; default: Fastify when `USE_FASTIFY=true`, else Express. */
  adapter?: 'express' | 'fastify';
  /** The configuration; default: validated from `process.env` with the fragments `module` imports. */
  config?: AppConfig;
}

/** The adapter an app runs on. */
export type HttpAdapterName = 'express' | 'fastify';

/**
 * Builds (but does not start) a Nest app with the platform's HTTP behaviour: the chosen
 * adapter, JSON body limit, malformed JSON → 400 in the platform error shape, pino logger,
 * global prefix and shutdown hooks. Tests use it to boot exactly what production runs.
 */
export async function createApp(module: Type<unknown>, options: CreateAppOptions = {}): Promise<INestApplication> {
  const config = options.config ?? loadConfig(process.env, collectConfigFragments(module));
  const adapter: HttpAdapterName = options.adapter ?? (config.http.useFastify ? 'fastify' : 'express');
  const limit = config.http.bodyLimitBytes;
  const multipart = new Set(collectMultipartPaths(module, options.globalPrefix));
  let app: INestApplication;
  if (adapter === 'fastify') {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const { FastifyAdapter } = require('@nestjs/platform-fastify') as typeof import('@nestjs/platform-fastify');
    const fastify = new FastifyAdapter({
      bodyLimit: limit,
      routerOptions: { caseSensitive: true, ignoreTrailingSlash: false, maxParamLength: MAX_URL_LENGTH },
      logger: false,
      return503OnClosing: true,
      clientErrorHandler: answerClientError,
      frameworkErrors: (error: FastifyError, req: FastifyRequest, res: FastifyReply) => writeError(error, req.raw, res.raw),
    });
    installFastifyBody(fastify.getInstance(), limit, multipart);
    app = await NestFactory.create(module, fastify, { bodyParser: false, bufferLogs: true, abortOnError: false });
  } else {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const { ExpressAdapter } = require('@nestjs/platform-express') as typeof import('@nestjs/platform-express');
    app = await NestFactory.create(module, new ExpressAdapter(strictExpress()), {
      bodyParser: false,
      bufferLogs: true,
      abortOnError: false,
    });
    installExpressBody(app, limit, multipart);
    (app.getHttpServer() as Server).on('clientError', answerClientError);
  }
  app.useLogger(app.get(PinoLogger));
  app.flushLogs();
  // `/internal/*` (service-to-service routes) is served as written, outside the public prefix.
  if (options.globalPrefix) app.setGlobalPrefix(options.globalPrefix, { exclude: ['internal', 'internal/{*path}'] });
  drainBeforeClose(app, config.http.shutdownTimeoutMs);
  return app;
}

/** An Express instance that routes like Fastify: case-sensitive, `/a/` is not `/a`; no `x-powered-by`. */
function strictExpress(): import('express').Express {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const express = require('express') as typeof import('express');
  const instance = express();
  instance.set('case sensitive routing', true);
  instance.set('strict routing', true);
  instance.disable('x-powered-by');
  return instance;
}

/**
 * Makes `app.close()` graceful in the order operators expect: stop accepting connections and
 * let in-flight requests finish (idle keep-alive sockets are closed at once, stragglers are
 * cut after `timeoutMs`), and only then run Nest's destroy/shutdown hooks that close stores.
 */
function drainBeforeClose(app: INestApplication, timeoutMs: number): void {
  const nestClose = (Object.getPrototypeOf(app) as INestApplication).close;
  let draining: Promise<void> | undefined;
  const gracefulClose = async (...args: Parameters<INestApplication['close']>) => {
    draining ??= drainHttp(app, timeoutMs);
    await draining;
    return nestClose.apply(app, args);
  };
  // Nest hands out a Proxy whose `set` trap ignores assignments; define on the target instead.
  Reflect.defineProperty(app, 'close', { value: gracefulClose, configurable: true, writable: true });
}

async function drainHttp(app: INestApplication, timeoutMs: number): Promise<void> {
  const server = app.getHttpServer() as Server;
  const adapter = app.getHttpAdapter();
  if (!server.listening) return;
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  const cutoff = setTimeout(() => server.closeAllConnections(), timeoutMs);
  try {
    await adapter.close();
  } finally {
    clearInterval(idle);
    clearTimeout(cutoff);
  }
  // Closed already: Nest's own dispose must not wait for a second 'close' that never comes.
  Reflect.defineProperty(adapter, 'close', { value: async () => undefined, configurable: true, writable: true });
}
