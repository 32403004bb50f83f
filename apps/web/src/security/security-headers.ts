/** Whether the headers are for `next dev` (hot reload needs eval and a websocket) or a production server. */
export type HeaderMode = 'production' | 'development';

/**
 * The Content-Security-Policy for one response. Scripts run only with the request's nonce
 * (`'strict-dynamic'` lets Next's nonce'd loader pull its chunks); no `unsafe-eval` outside
 * `next dev`. `apiOrigin` is the gateway: fetches, HLS playlists/segments and thumbnails come
 * from it. Style attributes stay allowed (`style-src-attr`), style elements need the nonce
 * (under `next dev` they need none: its error overlay injects un-nonced style elements).
 */
export function contentSecurityPolicy(nonce: string, apiOrigin: string, mode: HeaderMode): string {
  const dev = mode === 'development';
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // next dev's overlay injects <style> elements without the nonce; a nonce would void 'unsafe-inline', so dev drops it
    'style-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:', 'https:', apiOrigin],
    'media-src': ["'self'", 'blob:', apiOrigin],
    'connect-src': ["'self'", apiOrigin, ...(dev ? ['ws:', 'wss:'] : [])],
    'worker-src': ["'self'", 'blob:'],
    'font-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * The headers every response carries besides the CSP (pages get theirs from src/middleware.ts,
 * static files from next.config.ts `headers()`).
 */
export const STATIC_SECURITY_HEADERS: ReadonlyArray<{ key: string; value: string }> = [
  { key: 'Strict-Transport-Security', value: 'max-age=63072000; includeSubDomains; preload' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), fullscreen=(self)',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
  { key: 'Cross-Origin-Resource-Policy', value: 'same-origin' },
];

/** A fresh nonce for one response (16 random bytes, base64). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
