/**
 * The header checks that both servers of the production build must pass (`next start` and the
 * Cloudflare worker): `origin` serves the app, `gateway` is its `API_BASE_URL`.
 */
export async function expectPageSecurityHeaders(origin: string, gateway: string): Promise<void> {
  const first = await fetch(`${origin}/en`);
  const second = await fetch(`${origin}/en`);
  expect(first.status).toBe(200);
  const csp = first.headers.get('content-security-policy') ?? '';
  const html = await first.text();
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeDefined();
  expect(second.headers.get('content-security-policy')).not.toContain(nonce);
  expect(html).toContain(`nonce="${nonce}"`);
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain(`connect-src 'self' ${gateway}`);
  expect(first.headers.get('strict-transport-security')).toMatch(/max-age=\d{7,}/);
  expect(first.headers.get('x-frame-options')).toBe('DENY');
  expect(first.headers.get('x-content-type-options')).toBe('nosniff');
  expect(first.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(first.headers.get('permissions-policy')).toContain('camera=()');
  expect(first.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(first.headers.get('cross-origin-resource-policy')).toBe('same-origin');
}

/** A static file of the page and the locale redirect of `/` carry the fixed security headers too. */
export async function expectStaticAndRedirectHeaders(origin: string): Promise<void> {
  const html = await (await fetch(`${origin}/en`)).text();
  const asset = /\/_next\/static\/[^"]+\.js/.exec(html)?.[0];
  expect(asset).toBeDefined();
  const file = await fetch(`${origin}${asset}`);
  expect(file.status).toBe(200);
  const redirect = await fetch(`${origin}/`, { redirect: 'manual' });
  expect(redirect.status).toBe(307);
  expect(redirect.headers.get('location')).toMatch(/\/de$/);
  for (const answer of [file, redirect]) {
    expect(answer.headers.get('x-frame-options')).toBe('DENY');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
    expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=/);
    expect(answer.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(answer.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  }
}
