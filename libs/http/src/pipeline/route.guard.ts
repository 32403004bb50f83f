import { Injectable, type CanActivate, type ExecutionContext, type Type } from '@nestjs/common';
import { RoutePlanner } from './route-planner';

/**
 * The one global guard: runs the route's planned guard stages in the declared order
 * (tenant header → flag → auth), each a plain function that throws to refuse.
 */
@Injectable()
export class RouteGuard implements CanActivate {
  constructor(private readonly planner: RoutePlanner) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const guards = this.planner.guardsFor(context.getHandler() as (...args: unknown[]) => unknown, context.getClass() as Type<unknown>);
    for (const guard of guards) await guard(context);
    return true;
  }
}
