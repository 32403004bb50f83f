import type { HttpServer } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLS_ID, CLS_REQ, type ClsService } from 'nestjs-cls';
import type { Logger } from 'pino';
import { CTX } from './request-context';
import { REQUEST_ID_HEADER, readTenantHeader, resolveRequestId } from './request-id';
import { logWhenFinished } from './request-log';

type Next = (error?: unknown) => void;

/**
 * Opens the request's CLS context and runs `next` inside it: the request id (`x-request-id`
 * in and out), the `x-tenant-id` header (or its being malformed), the raw request under
 * `CLS_REQ`, and the `request completed` log line. The store is built up front and entered
 * with one `runWith`, so a request pays no proxy-provider resolution, plugin hooks or dotted
 * key paths (the platform has no CLS proxy providers and its one plugin, transactional, has
 * no setup hooks).
 */
export function openRequestContext(
  cls: ClsService,
  logger: Logger | undefined,
  req: IncomingMessage,
  res: ServerResponse,
  next: Next,
): void {
  let store: Record<symbol, unknown>;
  try {
    const id = resolveRequestId(req);
    res.setHeader(REQUEST_ID_HEADER, id);
    store = { [CLS_ID]: id, [CLS_REQ]: req };
    const tenant = readTenantHeader(req);
    if (tenant === null) store[CTX.tenantHeaderInvalid] = true;
    else if (tenant) store[CTX.tenantHeader] = tenant;
  } catch (error) {
    next(error);
    return;
  }
  cls.runWith(store as never, () => {
    if (logger) logWhenFinished(logger, req, res);
    next();
  });
}

/**
 * Mounts {@link openRequestContext} in front of every route, on the adapter's own request
 * path: a Fastify `onRequest` hook (no `@fastify/middie`, no Nest middleware chain), or an
 * Express `app.use`. Does nothing without an HTTP server (an application context).
 *
 * @example
 * mountRequestContext(adapterHost.httpAdapter, cls, () => holder.logger);
 */
export function mountRequestContext(http: HttpServer | undefined, cls: ClsService, logger: () => Logger | undefined): void {
  if (!http) return;
  const instance = http.getInstance() as {
    addHook?: (name: 'onRequest', hook: (request: { raw: IncomingMessage }, reply: { raw: ServerResponse }, done: Next) => void) => void;
    use: (fn: (req: IncomingMessage, res: ServerResponse, next: Next) => void) => void;
  };
  if (http.getType() === 'fastify' && instance.addHook) {
    instance.addHook('onRequest', (request, reply, done) => openRequestContext(cls, logger(), request.raw, reply.raw, done));
  } else {
    instance.use((req, res, next) => openRequestContext(cls, logger(), req, res, next));
  }
}
