import type { INestApplication } from '@nestjs/common';
import { resolveRequestId, REQUEST_ID_HEADER } from '@mikasmissions/context';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mapError, toErrorBody } from './error-body';
import { PlatformError } from './platform-error';
import { checkBodyHeaders, isJsonMediaType, mediaType, parseJsonBody } from './json-body';

type Next = (error?: unknown) => void;

/** Writes the platform error body straight to a Node response (errors raised before Nest routes). */
export function writeError(error: unknown, req: IncomingMessage, res: ServerResponse): void {
  const mapped = mapError(error);
  const requestId = resolveRequestId(req);
  res.statusCode = mapped.status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader(REQUEST_ID_HEADER, requestId);
  for (const [name, value] of Object.entries(mapped.headers ?? {})) res.setHeader(name, value);
  res.end(JSON.stringify(toErrorBody(mapped, requestId)));
}

/** A path with broken percent-encoding is 400 `MALFORMED_URL` before routing (Express routes would 404 it). */
function checkUrlEncoding(url: string | undefined): void {
  const path = (url ?? '').split('?')[0];
  if (!path.includes('%')) return;
  try {
    decodeURIComponent(path);
  } catch {
    throw new PlatformError(400, 'MALFORMED_URL', 'the request path has malformed percent-encoding');
  }
}

/** Express: raw text (bounded by `limit`) → the platform JSON parser; errors in the platform shape. */
export function installExpressBody(app: INestApplication, limit: number): void {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const express = require('express') as typeof import('express');
  const instance = app.getHttpAdapter().getInstance() as import('express').Express;
  instance.disable('x-powered-by');
  app.use((req: IncomingMessage, _res: ServerResponse, next: Next) => {
    try {
      checkBodyHeaders(req.headers);
      checkUrlEncoding(req.url);
      next();
    } catch (error) {
      next(error);
    }
  });
  app.use(express.text({ type: (req) => isJsonMediaType(mediaType(req.headers)), limit, inflate: false, defaultCharset: 'utf-8' }));
  app.use((req: IncomingMessage & { body?: unknown }, _res: ServerResponse, next: Next) => {
    try {
      if (typeof req.body === 'string') req.body = parseJsonBody(req.body);
      next();
    } catch (error) {
      next(error);
    }
  });
  app.use((error: unknown, req: IncomingMessage, res: ServerResponse, next: Next) => (error ? writeError(error, req, res) : next()));
}

/** Fastify: the same parser and header rules as Express; framework errors in the platform shape. */
export function installFastifyBody(instance: FastifyInstance, limit: number): void {
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser(/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i, { parseAs: 'string', bodyLimit: limit }, (req, body, done) => {
    try {
      checkBodyHeaders(req.headers);
      done(null, parseJsonBody(body.toString()));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  instance.addContentTypeParser('*', (req, _payload, done) => {
    try {
      checkBodyHeaders(req.headers);
      done(null, undefined);
    } catch (error) {
      done(error as Error, undefined);
    }
  });
}
