import { contentSecurityPolicy } from '../src/security/security-headers';

const directives = (csp: string) => Object.fromEntries(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('contentSecurityPolicy (src/security/security-headers.ts)', () => {
  it('production: scripts and style elements only with the nonce, no eval, no inline style elements, no websocket', () => {
    const csp = directives(contentSecurityPolicy('n0nce', 'https://api.example.com', 'production'));
    expect(csp['script-src']).toEqual(["'self'", "'nonce-n0nce'", "'strict-dynamic'"]);
    expect(csp['style-src']).toEqual(["'self'", "'nonce-n0nce'"]);
    expect(csp['connect-src']).toEqual(["'self'", 'https://api.example.com']);
  });

  it('next dev: eval and the hot-reload websocket, and un-nonced style elements for its overlay', () => {
    const csp = directives(contentSecurityPolicy('n0nce', 'http://localhost:8080', 'development'));
    expect(csp['script-src']).toContain("'unsafe-eval'");
    expect(csp['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp['connect-src']).toEqual(expect.arrayContaining(['ws:', 'wss:']));
  });
});
