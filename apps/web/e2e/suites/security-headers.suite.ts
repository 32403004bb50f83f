import { expectPageSecurityHeaders, expectStaticAndRedirectHeaders } from '../testing/security-headers';
import type { WebStack } from '../testing/web-stack';

/** The production server's headers: nonce CSP without unsafe-eval and the fixed security headers, on pages and static files. */
export function securityHeaderSuite(stack: () => WebStack): void {
  describe('security headers on the production server (next start)', () => {
    it('a page answers with a nonce CSP (fresh per request, never unsafe-eval) and every security header', async () => {
      await expectPageSecurityHeaders(stack().web.origin, stack().platform.urls.gateway);
    });

    it('the health probe /healthz answers 200 JSON unlocalized (no redirect to /de), with the security headers', async () => {
      const probe = await fetch(`${stack().web.origin}/healthz`, { redirect: 'manual' });
      expect(probe.status).toBe(200);
      expect(probe.headers.get('content-type')).toMatch(/^application\/json/);
      expect(probe.headers.get('cache-control')).toContain('no-store');
      expect(await probe.json()).toEqual({ status: 'ok', service: 'web' });
      expect(probe.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(probe.headers.get('x-frame-options')).toBe('DENY');
      expect(probe.headers.get('strict-transport-security')).toMatch(/max-age=/);
      const below = await fetch(`${stack().web.origin}/healthz/x`, { redirect: 'manual' });
      expect(below.status).toBe(307);
      expect(below.headers.get('location')).toMatch(/\/de\/healthz\/x$/);
    });

    it('static files and redirects carry the security headers too', async () => {
      await expectStaticAndRedirectHeaders(stack().web.origin);
    });
  });
}
