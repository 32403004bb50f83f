import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/**
 * A hidden last parameter the planner adds to each wrapped route, so the wrapper receives
 * the request's ExecutionContext from Nest's own argument resolution (no extra interceptor).
 */
export const RouteContextParam = createParamDecorator((_data: unknown, context: ExecutionContext) => context);
