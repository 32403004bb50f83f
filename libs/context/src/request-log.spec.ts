import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino } from 'pino';
import { addRequestLogFields, logWhenFinished } from './request-log';
import { REDACTED_PATHS } from './context.module';

function capture(level = 'info') {
  const lines: Array<Record<string, unknown>> = [];
  const logger = pino(
    { level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
    { write: (line: string) => void lines.push(JSON.parse(line)) },
  );
  return { logger, lines };
}

function exchange(url: string, status: number) {
  const req = { method: 'GET', url, headers: { authorization: 'Bearer secret-token' } } as unknown as IncomingMessage;
  const res = Object.assign(new EventEmitter(), { statusCode: status }) as unknown as ServerResponse;
  return { req, res };
}

describe('the access line', () => {
  it('writes one line per request: method, path without the query, status, time and the added fields', () => {
    const { logger, lines } = capture();
    const { req, res } = exchange('/v1/catalog/episodes/e1?sig=abc', 200);
    logWhenFinished(logger, req, res);
    addRequestLogFields(req, { upstream: 'catalog' });
    res.emit('finish');
    res.emit('finish');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'request completed',
      req: { method: 'GET', path: '/v1/catalog/episodes/e1' },
      res: { statusCode: 200 },
      upstream: 'catalog',
    });
    expect(JSON.stringify(lines)).not.toContain('sig=abc');
    expect(JSON.stringify(lines)).not.toContain('secret-token');
  });

  it('refuses added fields under a secret key or with a non-scalar value, so the unredacted line cannot carry one', () => {
    const { logger, lines } = capture();
    const { req, res } = exchange('/v1/parents/login', 401);
    logWhenFinished(logger, req, res);
    addRequestLogFields(req, { token: 'tkn-1', password: 'hunter2', upstream: 'identity' });
    addRequestLogFields(req, { nested: { token: 'tkn-2' } } as never);
    res.emit('finish');
    expect(lines[0]).toMatchObject({ level: 40, upstream: 'identity' });
    expect(lines[0]).not.toHaveProperty('nested');
    for (const secret of ['tkn-1', 'hunter2', 'tkn-2']) expect(JSON.stringify(lines)).not.toContain(secret);
  });

  it('attaches nothing when even error lines are off', () => {
    const { logger, lines } = capture('silent');
    const { req, res } = exchange('/v1/x', 500);
    logWhenFinished(logger, req, res);
    expect((res as unknown as EventEmitter).listenerCount('finish')).toBe(0);
    expect(lines).toHaveLength(0);
  });
});
