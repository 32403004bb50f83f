import type { WebStack } from '../testing/web-stack';

/** The production server's headers: nonce CSP without unsafe-eval and the fixed security headers, on pages and static files. */
export function securityHeaderSuite(stack: () => WebStack): void {
  describe('security headers on the production server (next start)', () => {
    it('a page answers with a nonce CSP (fresh per request, never unsafe-eval) and every security header', async () => {
      const first = await fetch(stack().url('/'));
      const second = await fetch(stack().url('/'));
      const csp = first.headers.get('content-security-policy') ?? '';
      const html = await first.text();
      const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
      expect(nonce).toBeDefined();
      expect(second.headers.get('content-security-policy')).not.toContain(nonce);
      expect(html).toContain(`nonce="${nonce}"`);
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain(`connect-src 'self' ${stack().platform.urls.gateway}`);
      expect(first.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
      expect(first.headers.get('x-frame-options')).toBe('DENY');
      expect(first.headers.get('x-content-type-options')).toBe('nosniff');
      expect(first.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(first.headers.get('permissions-policy')).toContain('camera=()');
      expect(first.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(first.headers.get('cross-origin-resource-policy')).toBe('same-origin');
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
      const html = await (await fetch(stack().url('/'))).text();
      const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
      expect(asset).toBeDefined();
      const file = await fetch(`${stack().web.origin}${asset}`);
      expect(file.status).toBe(200);
      const redirect = await fetch(`${stack().web.origin}/`, { redirect: 'manual' });
      expect(redirect.status).toBe(307);
      expect(redirect.headers.get('location')).toMatch(/\/de$/);
      for (const answer of [file, redirect]) {
        expect(answer.headers.get('x-frame-options')).toBe('DENY');
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
        expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=/);
        expect(answer.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      }
    });
  });
}
