import { HttpException, Logger } from '@nestjs/common';
import { PlatformError } from '@mikasmissions/http';
import { AuthxUnavailableError } from '../authx.errors';

type Method = (...args: unknown[]) => unknown;

const logger = new Logger('Authx');

function unavailable(port: string, method: PropertyKey, error: unknown): unknown {
  if (error instanceof PlatformError || error instanceof HttpException) return error;
  logger.error(`${port}.${String(method)} failed: ${error instanceof Error ? error.message : String(error)}`);
  return new AuthxUnavailableError(error);
}

/**
 * Wraps one of AuthX's I/O ports (a store, the OTP sender) so any call that fails with a
 * driver error (Postgres or Redis down, SMTP refused) rejects with {@link AuthxUnavailableError}
 * — 503 `AUTH_UNAVAILABLE` with `Retry-After`, mapped by `mapError` — and logs the cause once.
 * Typed errors (`PlatformError`, `HttpException`) pass through; values and sync results are
 * unchanged. `AuthxModule` applies it to every store it provides, so services and
 * controllers never translate store failures themselves.
 *
 * @example
 * { provide: SessionStore, useFactory: (pool: Pool) => outageAsUnavailable(new PostgresSessionStore(pool)) }
 */
export function outageAsUnavailable<T extends object>(port: T): T {
  const name = port.constructor.name;
  const wrapped = new WeakMap<Method, Method>();
  return new Proxy(port, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function' || key === 'constructor') return value;
      const method = value as Method;
      let wrapper = wrapped.get(method);
      if (!wrapper) {
        wrapper = (...args: unknown[]) => {
          let result: unknown;
          try {
            result = method.apply(target, args);
          } catch (error) {
            throw unavailable(name, key, error);
          }
          if (result instanceof Promise) return result.catch((error: unknown) => Promise.reject(unavailable(name, key, error)));
          return result;
        };
        wrapped.set(method, wrapper);
      }
      return wrapper;
    },
  });
}
