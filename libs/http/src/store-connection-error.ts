/**
 * Codes that mean "the store's connection failed", not "the request was wrong": socket errors
 * (Node), Postgres SQLSTATEs of a server going away or refusing connections (class 08, 57P01–03,
 * 53300) and the Prisma codes its driver adapter turns them into (P1001 unreachable, P1002/P1008
 * timeouts, P1017 connection closed, P2037 too many connections).
 */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2037',
]);

/** The driver adapter's `kind`s for the same failures (Prisma's `meta.driverAdapterError.cause`). */
const CONNECTION_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/** pg's and Prisma's messages for failures that carry no code (a connection dropped mid-query, a pool that could not connect in time). */
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command/i;

type ErrorLike = {
  code?: unknown;
  kind?: unknown;
  originalCode?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
  meta?: { driverAdapterError?: unknown };
};

function matches(e: ErrorLike): boolean {
  for (const code of [e.code, e.originalCode]) {
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code))) return true;
  }
  if (typeof e.kind === 'string' && CONNECTION_KINDS.has(e.kind)) return true;
  return typeof e.message === 'string' && CONNECTION_MESSAGES.test(e.message);
}

/**
 * Whether `error` (or anything it wraps: `cause`, an `AggregateError`'s `errors`, Prisma's
 * `meta.driverAdapterError`) is a lost or refused connection to a store: the service cannot
 * answer now but may in a moment, so `mapError` answers 503 `STORE_UNAVAILABLE` with
 * `Retry-After` instead of 500. Query errors (constraint violations, syntax, bad input) are not.
 *
 * @example
 * isStoreConnectionError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })); // true
 * isStoreConnectionError(Object.assign(new Error('duplicate key'), { code: '23505' }));                             // false
 */
export function isStoreConnectionError(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 16) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const e = current as ErrorLike;
    if (matches(e)) return true;
    queue.push(e.cause, e.meta?.driverAdapterError);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return false;
}
