import { mapError } from './error-body';
import { StoreUnavailableError } from './store-unavailable.error';

describe('StoreUnavailableError', () => {
  it("maps to 503 with the thrower's code and Retry-After, keeping the cause off the wire", () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const error = new StoreUnavailableError('auth_unavailable', 'authentication is temporarily unavailable; retry shortly', {
      cause,
      retryAfterSec: 2.5,
    });
    expect(error.cause).toBe(cause);
    expect(mapError(error)).toEqual({
      status: 503,
      code: 'auth_unavailable',
      message: 'authentication is temporarily unavailable; retry shortly',
      details: undefined,
      headers: { 'retry-after': '3' },
    });
  });

  it('defaults Retry-After to 1 s', () => {
    expect(mapError(new StoreUnavailableError('CATALOG_UNAVAILABLE', 'catalog store is down')).headers).toEqual({ 'retry-after': '1' });
  });
});
