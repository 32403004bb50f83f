import { mapError } from './error-body';
import { isStoreConnectionError } from './store-connection-error';

const withCode = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe('isStoreConnectionError', () => {
  it.each([
    ['a refused socket', withCode('connect ECONNREFUSED 127.0.0.1:5432', { code: 'ECONNREFUSED', syscall: 'connect', errno: -111 })],
    [
      'an AggregateError of refused sockets (IPv4 + IPv6)',
      new AggregateError([withCode('connect ECONNREFUSED ::1:5432', { code: 'ECONNREFUSED' })], ''),
    ],
    ['57P01 admin_shutdown', withCode('terminating connection due to administrator command', { code: '57P01', severity: 'FATAL' })],
    ['57P03 cannot_connect_now', withCode('the database system is starting up', { code: '57P03' })],
    ['08006 connection_failure', withCode('connection failure', { code: '08006' })],
    ['pg: connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect')],
    ['Prisma P1001', withCode("Can't reach database server at 127.0.0.1:5432", { code: 'P1001', name: 'PrismaClientKnownRequestError' })],
    ['Prisma P1017', withCode('Server has closed the connection.', { code: 'P1017' })],
    [
      'Prisma P2039 wrapping 57P01',
      withCode('Database error', { code: 'P2039', meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '57P01' } } } }),
    ],
    [
      'a wrapper whose cause is a refused socket',
      new Error('load failed', { cause: withCode('connect ECONNREFUSED', { code: 'ECONNREFUSED' }) }),
    ],
  ])('recognises %s', (_label, error) => {
    expect(isStoreConnectionError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', { code: '23505' })],
    [
      'Prisma P2002',
      withCode('Unique constraint failed', {
        code: 'P2002',
        meta: { driverAdapterError: { cause: { kind: 'UniqueConstraintViolation' } } },
      }),
    ],
    ['a syntax error', withCode('syntax error at or near "SELEC"', { code: '42601' })],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a non-error', 'ECONNREFUSED'],
    [
      'a cycle of causes',
      (() => {
        const a: Error & { cause?: unknown } = new Error('a');
        a.cause = a;
        return a;
      })(),
    ],
  ])('leaves %s alone', (_label, error) => {
    expect(isStoreConnectionError(error)).toBe(false);
  });
});

describe('mapError of a store connection error', () => {
  it('is 503 STORE_UNAVAILABLE with Retry-After, the driver message kept off the wire', () => {
    const mapped = mapError(withCode('connect ECONNREFUSED 10.0.0.7:5432', { code: 'ECONNREFUSED' }));
    expect(mapped).toEqual({
      status: 503,
      code: 'store_unavailable',
      message: 'a data store is temporarily unavailable; retry shortly',
      details: undefined,
      headers: { 'retry-after': '2' },
    });
  });

  it('still answers 500 INTERNAL for anything else unknown', () => {
    expect(mapError(new Error('boom'))).toMatchObject({ status: 500, code: 'internal' });
  });
});
