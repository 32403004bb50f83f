/**
 * Base of every typed error the platform maps to HTTP. Libraries subclass it
 * (`CircuitOpenError`, `IdempotencyConflictError`, …); the one error filter turns it into
 * `{ error: { code, message, details?, requestId } }` with `status`.
 *
 * @example
 * export class CircuitOpenError extends PlatformError {
 *   constructor(name: string) { super(503, 'circuit_open', `circuit ${name} is open`); }
 * }
 */
export class PlatformError extends Error {
  /** Lowercase snake_case, whatever the thrower wrote: one code style on the wire. */
  readonly code: string;

  constructor(
    readonly status: number,
    code: string,
    message: string,
    readonly details?: unknown,
    /** Extra response headers, e.g. `Retry-After`. */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.code = code.toLowerCase();
    this.name = new.target.name;
  }
}
