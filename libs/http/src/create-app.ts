import type { INestApplication, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, loadConfig } from '@mikasmissions/config';
import { REQUEST_ID_HEADER, resolveRequestId } from '@mikasmissions/context';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Logger as PinoLogger } from 'nestjs-pino';
import type { FastifyInstance } from 'fastify';
import { mapError, toErrorBody } from './error-body';
import { PlatformError } from './platform-error';

/** Options of {@link createApp} and `bootstrap`. */
export interface CreateAppOptions {
  /** Global route prefix, e.g. `api/v1/analytics`. */
  globalPrefix?: string;
  /** Force an HTTP adapter; default: Fastify when `USE_FASTIFY=true`, else Express. */
  adapter?: 'express' | 'fastify';
  /** The configuration; default: validated from `process.env`. */
  config?: AppConfig;
}

/** The adapter an app runs on. */
export type HttpAdapterName = 'express' | 'fastify';

type NodeErrorHandler = (error: unknown, req: IncomingMessage, res: ServerResponse) => void;

const writeError: NodeErrorHandler = (error, req, res) => {
  const mapped = mapError(error);
  const requestId = resolveRequestId(req);
  res.statusCode = mapped.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader(REQUEST_ID_HEADER, requestId);
  res.end(JSON.stringify(toErrorBody(mapped, requestId)));
};

/**
 * Fastify's own JSON parser (with prototype-poisoning protection), whose failures become
 * `MALFORMED_JSON` instead of Fastify's generic 400.
 */
function installFastifyJsonParser(instance: FastifyInstance, bodyLimit: number): void {
  const parse = instance.getDefaultJsonParser('error', 'error');
  instance.removeContentTypeParser('application/json');
  instance.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (req, body, done) => {
    if (body.toString().trim() === '') {
      done(new PlatformError(400, 'MALFORMED_JSON', 'Request body is empty but content-type is JSON'), undefined);
      return;
    }
    parse(req, body.toString(), (error: Error | null, value?: unknown) => {
      if (error) done(new PlatformError(400, 'MALFORMED_JSON', 'Request body is not valid JSON'), undefined);
      else done(null, value);
    });
  });
}

/**
 * Builds (but does not start) a Nest app with the platform's HTTP behaviour: the chosen
 * adapter, JSON body limit, malformed JSON → 400 in the platform error shape, pino logger,
 * global prefix and shutdown hooks. Tests use it to boot exactly what production runs.
 */
export async function createApp(module: Type<unknown>, options: CreateAppOptions = {}): Promise<INestApplication> {
  const config = options.config ?? loadConfig(process.env);
  const adapter: HttpAdapterName = options.adapter ?? (config.http.useFastify ? 'fastify' : 'express');
  const limit = config.http.bodyLimitBytes;
  let app: INestApplication;
  if (adapter === 'fastify') {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const { FastifyAdapter } = require('@nestjs/platform-fastify') as typeof import('@nestjs/platform-fastify');
    const fastify = new FastifyAdapter({ bodyLimit: limit, logger: false, return503OnClosing: true });
    installFastifyJsonParser(fastify.getInstance(), limit);
    app = await NestFactory.create(module, fastify, { bodyParser: false, bufferLogs: true, abortOnError: false });
  } else {
    /* eslint-disable-next-line @typescript-eslint/no-require-imports */
    const express = require('express') as typeof import('express');
    app = await NestFactory.create(module, { bodyParser: false, bufferLogs: true, abortOnError: false });
    app.use(express.json({ limit, type: ['application/json', 'application/*+json'] }));
    app.use((error: unknown, req: IncomingMessage, res: ServerResponse, next: (e?: unknown) => void) =>
      error ? writeError(error, req, res) : next(),
    );
  }
  app.useLogger(app.get(PinoLogger));
  app.flushLogs();
  if (options.globalPrefix) app.setGlobalPrefix(options.globalPrefix);
  drainBeforeClose(app, config.http.shutdownTimeoutMs);
  return app;
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
