import createIntlMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { serverPublicConfig } from './config/public-config';
import { routing } from './i18n/routing';
import { STATIC_SECURITY_HEADERS, contentSecurityPolicy, newNonce } from './security/security-headers';

const intl = createIntlMiddleware(routing);

/** Paths outside the locale routing: the health probe (src/app/healthz/route.ts) answers as is. */
const UNLOCALIZED = new Set(['/healthz']);

/**
 * Every page request: a fresh CSP nonce (forwarded to the render as `x-nonce` and in the
 * request's CSP header, which Next reads to nonce its own scripts), the locale routing of
 * next-intl (not for the health probe `/healthz`), and the security headers on the answer. The dev relaxation exists only when
 * `next dev` runs (`NODE_ENV` is inlined as "production" in a build).
 *
 * This is Next's Edge-runtime `middleware.ts`, not Next 16's `proxy.ts`: `proxy.ts` always runs
 * on Node.js, which `@opennextjs/cloudflare` cannot bundle yet, while Edge middleware runs both
 * under `next start` and in the Cloudflare worker (`build:cloudflare`), so one file gives both the
 * same headers. It needs only Web APIs (Web Crypto for the nonce). Next 16 still supports
 * `middleware.ts` with a deprecation warning at build time (see apps/web/README.md).
 */
export function middleware(request: NextRequest) {
  const nonce = newNonce();
  const mode = process.env.NODE_ENV === 'development' ? 'development' : 'production';
  const csp = contentSecurityPolicy(nonce, new URL(serverPublicConfig().apiBaseUrl).origin, mode);
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', csp);
  const response = UNLOCALIZED.has(request.nextUrl.pathname)
    ? NextResponse.next({ request: { headers } })
    : intl(new NextRequest(request.url, { headers, method: request.method }));
  response.headers.set('Content-Security-Policy', csp);
  for (const { key, value } of STATIC_SECURITY_HEADERS) response.headers.set(key, value);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|.*\\..*).*)'],
};
