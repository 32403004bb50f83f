import type { INestApplication } from '@nestjs/common';
import { resolveRequestId, REQUEST_ID_HEADER } from '@mikasmissions/context';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { mapError, toErrorBody } from './error-body';
import { isJsonMediaType, mediaType, parseJsonBody } from './json-body';
import { checkRequestHead } from './request-head';

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

/**
 * Express: the request-head rules before routing, raw bytes (bounded by `limit`) → the
 * platform JSON parser; errors in the platform shape. A multipart body to one of
 * `multipartPaths` is left unread for its route.
 */
export function installExpressBody(app: INestApplication, limit: number, multipartPaths: ReadonlySet<string> = new Set()): void {
  /* eslint-disable-next-line @typescript-eslint/no-require-imports */
  const express = require('express') as typeof import('express');
  app.use((req: IncomingMessage, _res: ServerResponse, next: Next) => {
    try {
      checkRequestHead(req, multipartPaths);
      next();
    } catch (error) {
      next(error);
    }
  });
  app.use(express.raw({ type: (req) => isJsonMediaType(mediaType(req.headers)), limit, inflate: false }));
  app.use((req: IncomingMessage & { body?: unknown }, _res: ServerResponse, next: Next) => {
    try {
      if (Buffer.isBuffer(req.body)) req.body = parseJsonBody(req.body);
      next();
    } catch (error) {
      next(error);
    }
  });
  app.use((error: unknown, req: IncomingMessage, res: ServerResponse, next: Next) => (error ? writeError(error, req, res) : next()));
}

/**
 * Fastify: the same request-head rules (an `onRequest` hook, which runs for unmatched routes
 * too) and the same parser on the raw bytes; framework errors in the platform shape.
 */
export function installFastifyBody(instance: FastifyInstance, limit: number, multipartPaths: ReadonlySet<string> = new Set()): void {
  instance.addHook('onRequest', (req, _reply, done) => {
    try {
      checkRequestHead(req.raw, multipartPaths);
      done();
    } catch (error) {
      done(error as Error);
    }
  });
  instance.removeAllContentTypeParsers();
  instance.addContentTypeParser(
    /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i,
    { parseAs: 'buffer', bodyLimit: limit },
    (_req, body, done) => {
      try {
        done(null, parseJsonBody(body as Buffer));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  instance.addContentTypeParser('*', (_req, _payload, done) => done(null, undefined));
}
