import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';

const LOG_FIELDS = Symbol.for('mikasmissions.request-log-fields');
type Annotated = IncomingMessage & { [LOG_FIELDS]?: Record<string, unknown> };

/**
 * Adds fields to the request's one `request completed` line (the gateway adds `upstream`).
 *
 * @example
 * addRequestLogFields(request.raw, { upstream: 'catalog' });
 */
export function addRequestLogFields(req: IncomingMessage, fields: Record<string, unknown>): void {
  const annotated = req as Annotated;
  annotated[LOG_FIELDS] = { ...annotated[LOG_FIELDS], ...fields };
}

/** The level of a finished request's line: 5xx error, 4xx warn, else info. */
export function requestLogLevel(status: number): 'error' | 'warn' | 'info' {
  return status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
}

/**
 * Writes one `request completed` line when `res` finishes (method, path without the query,
 * status, response time), at the level of its status. Nothing is attached when even `error`
 * lines are off, so `LOG_LEVEL=silent` costs nothing per request. Runs inside the request's
 * CLS context, so the logger's mixin stamps the request id.
 */
export function logWhenFinished(logger: Logger, req: IncomingMessage, res: ServerResponse): void {
  if (!logger.isLevelEnabled('error')) return;
  const started = performance.now();
  res.once('finish', () => {
    const level = requestLogLevel(res.statusCode);
    if (!logger.isLevelEnabled(level)) return;
    const path = (req.url ?? '').split('?')[0];
    const line = { req: { method: req.method, path }, res: { statusCode: res.statusCode }, responseTime: Math.round(performance.now() - started) };
    logger[level]({ ...line, ...(req as Annotated)[LOG_FIELDS] }, 'request completed');
  });
}
