import { Logger } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { HttpErrorFilter } from './http-error.filter';
import { PlatformError } from './platform-error';

/** Runs the filter on `exception` for `GET /flaky` and returns what it logged, per level. */
function logsOf(exception: unknown): { error: string[]; warn: string[]; status: number } {
  const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  let status = 0;
  const adapter = { setHeader: () => undefined, reply: (_res: unknown, _body: unknown, code: number) => (status = code) };
  const request = { method: 'GET', url: '/flaky', headers: {} };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
  } as unknown as ArgumentsHost;
  try {
    new HttpErrorFilter({ httpAdapter: adapter } as unknown as HttpAdapterHost).catch(exception, host);
    return { error: error.mock.calls.map((c) => String(c[0])), warn: warn.mock.calls.map((c) => String(c[0])), status };
  } finally {
    error.mockRestore();
    warn.mockRestore();
  }
}

describe('HttpErrorFilter logging', () => {
  it('logs an expected (typed) 500 as one error line, without a stack', () => {
    const logs = logsOf(new PlatformError(500, 'flaky_upstream_failed', 'the flaky demo upstream failed on purpose'));
    expect(logs.status).toBe(500);
    expect(logs.error).toEqual(['GET /flaky: 500 flaky_upstream_failed (the flaky demo upstream failed on purpose)']);
    expect(logs.warn).toEqual([]);
  });

  it('logs a typed 503 (a failed /ready, an open circuit) at warn, one line', () => {
    const logs = logsOf(new PlatformError(503, 'not_ready', 'not ready: postgres'));
    expect(logs.warn).toEqual(['GET /flaky: 503 not_ready (not ready: postgres)']);
    expect(logs.error).toEqual([]);
  });

  it('keeps the stack of an unexpected error', () => {
    const logs = logsOf(new TypeError('boom'));
    expect(logs.status).toBe(500);
    expect(logs.error).toHaveLength(1);
    expect(logs.error[0]).toMatch(/^TypeError: boom\n\s+at /);
  });

  it('logs nothing for a 4xx', () => {
    expect(logsOf(new PlatformError(400, 'bad_input', 'nope'))).toEqual({ error: [], warn: [], status: 400 });
  });
});
