import type { ExecutionContext, HttpServer } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { isObservable, lastValueFrom } from 'rxjs';
import { isLateFactory, resolveLateArguments } from './late-argument';
import { RouteContextParam } from './route-call.param';
import { RouteResult } from './route-result';
import type { RouteCall, RouteInfo, RouteRequest, RouteStepFn } from './route-stage';

/** JSON content type of every body a stage turned into text. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

type Handler = (...args: unknown[]) => unknown;

/** The steps of one route in one app (a controller instance belongs to one app). */
export interface RoutePlan {
  route: RouteInfo;
  steps: RouteStepFn[];
  http: HttpServer;
}

const ORIGINAL = Symbol('mm.pipeline.original');
const plans = new WeakMap<object, Map<string, RoutePlan>>();

type ArgsMetadata = Record<string, { index: number; factory?: unknown }>;

function argsMetadata(prototype: object, method: string): ArgsMetadata {
  return (Reflect.getMetadata(ROUTE_ARGS_METADATA, prototype.constructor, method) ?? {}) as ArgsMetadata;
}

function argumentCount(prototype: object, method: string, handler: Handler): number {
  const indexes = Object.values(argsMetadata(prototype, method)).map((m) => m.index);
  return Math.max(handler.length, indexes.length ? Math.max(...indexes) + 1 : 0);
}

/** Whether a route has a parameter made by `createLateParamDecorator` (it then needs the wrapper). */
export function hasLateArguments(prototype: object, method: string): boolean {
  return Object.values(argsMetadata(prototype, method)).some((m) => isLateFactory(m.factory));
}

function copyMetadata(from: Handler, to: Handler): void {
  for (const key of Reflect.getOwnMetadataKeys(from)) Reflect.defineMetadata(key, Reflect.getOwnMetadata(key, from), to);
  Object.defineProperty(to, 'name', { value: from.name });
}

async function invoke(handler: Handler, self: unknown, args: unknown[]): Promise<RouteResult> {
  const value = await handler.apply(self, resolveLateArguments(args));
  return RouteResult.of(isObservable(value) ? await lastValueFrom(value, { defaultValue: undefined }) : value);
}

function finish(plan: RoutePlan, call: RouteCall, result: RouteResult): unknown {
  if (result.json === undefined) return result.value;
  if (!plan.http.isHeadersSent(call.res)) plan.http.setHeader(call.res, 'content-type', JSON_CONTENT_TYPE);
  return result.json;
}

/** The original handler behind a wrapper (or the function itself). */
export function originalHandler(fn: Handler): Handler {
  return ((fn as unknown as Record<symbol, Handler>)[ORIGINAL] ?? fn) as Handler;
}

/**
 * Runs `plan` for `method` of this controller instance. The first plan of a method replaces
 * `prototype[method]` with one async function that runs the instance's planned steps around
 * the original handler, the way `@Transactional` wraps a method: every metadata key of the
 * original is copied, so Nest routes the wrapper like the original. A hidden last parameter
 * hands the wrapper the request's ExecutionContext. Plans are per instance, so two apps built
 * from one controller class in one process each run their own stages.
 */
export function planRouteHandler(instance: object, method: string, plan: RoutePlan): void {
  const byMethod = plans.get(instance) ?? new Map<string, RoutePlan>();
  byMethod.set(method, plan);
  plans.set(instance, byMethod);
  const prototype = Object.getPrototypeOf(instance) as Record<string | symbol, unknown>;
  const current = prototype[method] as Handler;
  if ((current as unknown as Record<symbol, unknown>)[ORIGINAL]) return;
  const index = argumentCount(prototype, method, current);
  const wrapper = async function (this: object, ...args: unknown[]): Promise<unknown> {
    const planned = plans.get(this)?.get(method);
    const handlerArgs = args.slice(0, index);
    if (!planned || planned.steps.length === 0) return current.apply(this, resolveLateArguments(handlerArgs));
    const context = args[index] as ExecutionContext;
    const http = context.switchToHttp();
    const call: RouteCall = { context, req: http.getRequest<RouteRequest>(), res: http.getResponse(), route: planned.route };
    const steps = planned.steps;
    const run = (i: number): Promise<RouteResult> =>
      i < steps.length ? steps[i](call, () => run(i + 1)) : invoke(current, this, handlerArgs);
    return finish(planned, call, await run(0));
  };
  copyMetadata(current, wrapper);
  Object.defineProperty(wrapper, ORIGINAL, { value: current });
  prototype[method] = wrapper;
  RouteContextParam()(prototype, method, index);
}
