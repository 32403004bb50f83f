import { Reflector } from '@nestjs/core';

/**
 * Opts a route (or a whole controller) out of authentication: no token needed, none checked.
 * Any auth guard of the platform (AuthX's among them) honours it; it lives here so libraries
 * such as `@mikasmissions/health` can mark their routes without depending on AuthX.
 *
 * @example
 * @Public()
 * @Post('auth/otp/request')
 * request() {}
 */
export const Public = Reflector.createDecorator<true | undefined>({ transform: () => true });

/** Metadata key written by {@link Public}. */
export const IS_PUBLIC_KEY = Public.KEY;
