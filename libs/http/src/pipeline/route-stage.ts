import type { ExecutionContext, Type } from '@nestjs/common';
import type { RouteResult } from './route-result';

/** A route as the planner sees it at start-up. */
export interface RouteInfo {
  readonly controller: Type<unknown>;
  /** The original handler function (its metadata is what decorators wrote). */
  readonly handler: (...args: unknown[]) => unknown;
  /** `Controller.method`, e.g. for circuit names. */
  readonly name: string;
}

/** One request as a decorator stage sees it. */
export interface RouteCall {
  readonly context: ExecutionContext;
  /** The adapter's request (Express `Request` or `FastifyRequest`). */
  readonly req: RouteRequest;
  /** The adapter's response object; write headers through `HttpAdapterHost`. */
  readonly res: unknown;
  readonly route: RouteInfo;
}

/** The request fields stages read, on both adapters. */
export interface RouteRequest {
  method: string;
  url: string;
  originalUrl?: string;
  body?: unknown;
  query?: Record<string, unknown>;
  params?: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/** One decorator stage of one route: call `next` to go inward, or answer without it. */
export type RouteStepFn = (call: RouteCall, next: () => Promise<RouteResult>) => Promise<RouteResult>;

/** A guard stage of one route: throw to refuse. */
export type RouteGuardFn = (context: ExecutionContext) => void | Promise<void>;

/**
 * A provider that contributes a stage. `plan` runs once per route at start-up and returns
 * the function for that route, or `undefined` when the route does not carry the decorator
 * (the route then pays nothing for it).
 */
export interface RouteStage<F> {
  plan(route: RouteInfo): F | undefined;
}
