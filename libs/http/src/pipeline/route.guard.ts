import { Injectable, type CanActivate, type ExecutionContext, type Type } from '@nestjs/common';
import { RoutePlanner } from './route-planner';
import type { RouteGuardFn } from './route-stage';

/** Runs `guards` from `from` on; goes async only from the first guard that returns a promise. */
function runGuards(guards: RouteGuardFn[], from: number, context: ExecutionContext): true | Promise<true> {
  for (let i = from; i < guards.length; i++) {
    const pending = guards[i](context);
    if (pending) return pending.then(() => runGuards(guards, i + 1, context));
  }
  return true;
}

/**
 * The one global guard: runs the route's planned guard stages in the declared order
 * (tenant header → flag → identity → auth), each a plain function that throws to refuse. Synchronous
 * stages (tenant, flag) cost no promise; a route without guard stages returns at once.
 */
@Injectable()
export class RouteGuard implements CanActivate {
  constructor(private readonly planner: RoutePlanner) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const guards = this.planner.guardsFor(context.getHandler() as (...args: unknown[]) => unknown, context.getClass() as Type<unknown>);
    return runGuards(guards, 0, context);
  }
}
