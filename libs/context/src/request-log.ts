import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { SECRET_KEYS } from './secret-keys';

const LOG_FIELDS = Symbol.for('mikasmissions.request-log-fields');
type Annotated = IncomingMessage & { [LOG_FIELDS]?: Record<string, unknown> };

const SECRET = new Set(SECRET_KEYS);

/**
 * Adds fields to the request's one `request completed` line (the gateway adds `upstream`).
 * Only scalar values are kept, and never a key that is redacted elsewhere (`password`,
 * `token`, …): the access line is written without the logger's redaction pass (see
 * {@link logWhenFinished}), so it must not be able to carry a secret.
 *
 * @example
 * addRequestLogFields(request.raw, { upstream: 'catalog' });
 */
export function addRequestLogFields(req: IncomingMessage, fields: Record<string, string | number | boolean>): void {
  const annotated = req as Annotated;
  const kept = (annotated[LOG_FIELDS] ??= {});
  for (const key in fields) {
    const value: unknown = fields[key];
    if (!SECRET.has(key) && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) kept[key] = value;
  }
}

/** Each logger's access-line child: the same level, mixin and destination, no redaction pass. */
const accessLoggers = new WeakMap<Logger, Logger>();

function accessLogger(logger: Logger): Logger {
  let child = accessLoggers.get(logger);
  if (!child) accessLoggers.set(logger, (child = logger.child({}, { redact: [] })));
  return child;
}

/** The level of a finished request's line: 5xx error, 4xx warn, else info. */
export function requestLogLevel(status: number): 'error' | 'warn' | 'info' {
  return status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
}

/**
 * Writes one `request completed` line when `res` finishes (method, path without the query,
 * status, response time), at the level of its status. Nothing is attached when even `error`
 * lines are off, so `LOG_LEVEL=silent` costs nothing per request. Runs inside the request's
 * CLS context, so the logger's mixin stamps the request id. The line's shape is fixed (no
 * headers, no query, no body; extra fields only through {@link addRequestLogFields}), so it
 * skips the redaction pass, which cost about as much as the rest of the line.
 */
export function logWhenFinished(logger: Logger, req: IncomingMessage, res: ServerResponse): void {
  if (!logger.isLevelEnabled('error')) return;
  const started = performance.now();
  res.once('finish', () => {
    const level = requestLogLevel(res.statusCode);
    if (!logger.isLevelEnabled(level)) return;
    const path = (req.url ?? '').split('?')[0];
    const line = {
      req: { method: req.method, path },
      res: { statusCode: res.statusCode },
      responseTime: Math.round(performance.now() - started),
    };
    accessLogger(logger)[level]({ ...line, ...(req as Annotated)[LOG_FIELDS] }, 'request completed');
  });
}
