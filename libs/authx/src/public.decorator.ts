import { Reflector } from '@nestjs/core';

/**
 * Opts a route (or a whole controller) out of authentication: no token needed, none checked.
 *
 * @example
 * @Public()
 * @Post('auth/otp/request')
 * request() {}
 */
export const Public = Reflector.createDecorator<true | undefined>({ transform: () => true });

/** Metadata key written by {@link Public}; the AuthX guard honours it. */
export const IS_PUBLIC_KEY = Public.KEY;
