import { createParamDecorator } from '@nestjs/common';
import { RequestContext } from './request-context';

/**
 * Injects the request context `{ requestId, tenantId, principal }` into a handler.
 *
 * @example
 * @Get('me')
 * getMe(@Context() ctx: RequestContextSnapshot) { return { requestId: ctx.requestId }; }
 */
export const Context = createParamDecorator(() => RequestContext.current().snapshot());
