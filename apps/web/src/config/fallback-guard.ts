/** The variable that turns typed fixture answers on (dev server only). */
export const FALLBACKS_VAR = 'NEXT_PUBLIC_USE_API_FALLBACKS';

/** Thrown when fixtures would reach a production build. */
export class FallbacksInProductionError extends Error {
  constructor() {
    super(
      `${FALLBACKS_VAR}=true is for the dev server only: a production build must talk to the real API (strict mode). Unset it and build again.`,
    );
    this.name = 'FallbacksInProductionError';
  }
}

/**
 * Refuses fixtures in production: called by next.config.ts for `next build` (and by the API
 * client at run time, should a build ever carry the flag).
 *
 * @example
 * assertNoFallbacksInProduction(process.env.NEXT_PUBLIC_USE_API_FALLBACKS, 'production'); // throws when "true"
 */
export function assertNoFallbacksInProduction(flag: string | undefined, mode: 'production' | 'development'): void {
  if (flag === 'true' && mode === 'production') throw new FallbacksInProductionError();
}
