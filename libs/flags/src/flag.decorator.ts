import { Reflector } from '@nestjs/core';

/** Options of {@link Flag}. */
export interface FlagOptions {
  /** Status answered while the flag is off. Default: 404 (the route looks absent). */
  status?: number;
}

/** What {@link Flag} stores on a handler or controller. */
export interface FlagMetadata {
  name: string;
  status: number;
}

const FLAG_NAME = /^[A-Z0-9_]+$/;

function validate(name: string, options: FlagOptions = {}): FlagMetadata {
  if (typeof name !== 'string' || !FLAG_NAME.test(name)) {
    throw new Error(`@Flag(${JSON.stringify(name)}): flag names use A-Z, 0-9 and _ only (read from FLAG_<NAME>)`);
  }
  const status = options.status ?? 404;
  if (!Number.isInteger(status) || status < 400 || status > 599) {
    throw new Error(`@Flag('${name}'): status must be an HTTP error status (400-599), got ${String(options.status)}`);
  }
  return { name, status };
}

/** The metadata key of {@link Flag}; read it with `reflector.getAllAndOverride(FlagDecorator, …)`. */
export const FlagDecorator = Reflector.createDecorator<FlagMetadata>();

/**
 * Gates a route (or every route of a controller) on the feature flag `FLAG_<NAME>`: while the
 * flag is not `true` the route answers 404 (or `options.status`) without running the handler.
 * Bad names fail at start-up.
 *
 * @example
 * @Flag('CACHE_SWR')
 * @Get('experimental')
 * experimental() { … }   // 404 unless FLAG_CACHE_SWR=true
 */
export function Flag(name: string, options?: FlagOptions): MethodDecorator & ClassDecorator {
  return FlagDecorator(validate(name, options));
}
