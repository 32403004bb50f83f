import { expectPageSecurityHeaders, expectStaticAndRedirectHeaders } from '../testing/security-headers';
import type { WebStack } from '../testing/web-stack';

/** The production server's headers: nonce CSP without unsafe-eval and the fixed security headers, on pages and static files. */
export function securityHeaderSuite(stack: () => WebStack): void {
  describe('security headers on the production server (next start)', () => {
    it('a page answers with a nonce CSP (fresh per request, never unsafe-eval) and every security header', async () => {
      await expectPageSecurityHeaders(stack().web.origin, stack().platform.urls.gateway);
    });

    it('static files and redirects carry the security headers too', async () => {
      await expectStaticAndRedirectHeaders(stack().web.origin);
    });
  });
}
