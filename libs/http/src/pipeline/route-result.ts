/** Where a {@link RouteResult} came from. */
export type RouteOrigin = 'handler' | 'stored';

/**
 * What travels back through a route's pipeline: the handler's value (for `@Publish` to map)
 * and, once a stage produced it, the JSON text the client gets. A result replayed from a
 * store (cache HIT, idempotent replay) has the text and no value, so nothing downstream
 * mistakes it for fresh work.
 */
export class RouteResult {
  private constructor(
    /** The handler's return value; `undefined` for a stored answer. */
    readonly value: unknown,
    /** The response body as JSON text, when a stage made it. */
    readonly json: string | undefined,
    readonly origin: RouteOrigin,
  ) {}

  /** A fresh result of the handler. */
  static of(value: unknown): RouteResult {
    return new RouteResult(value, undefined, 'handler');
  }

  /** An answer read back from a store: `json` is sent as it is. */
  static stored(json: string | undefined): RouteResult {
    return new RouteResult(undefined, json, 'stored');
  }

  /** The same result with its body text set. */
  withJson(json: string): RouteResult {
    return new RouteResult(this.value, json, this.origin);
  }

  /** The body as JSON text: the stage-made text, else the value's `JSON.stringify`. */
  toJson(): string | undefined {
    if (this.json !== undefined) return this.json;
    return this.value === undefined ? undefined : JSON.stringify(this.value);
  }
}
