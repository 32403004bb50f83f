import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startCloudflareWorker } from '../testing/cloudflare-worker';
import { expectPageSecurityHeaders, expectStaticAndRedirectHeaders } from '../testing/security-headers';
import { WEB_DIR, type WebServer } from '../testing/web-server';
import type { WebStack } from '../testing/web-stack';

/**
 * The Cloudflare Workers build of the same run (`build:cloudflare`, made by startWebStack), served
 * offline by `wrangler dev` (workerd from npm) with `API_BASE_URL` = the gateway: the same headers
 * as `next start`, from the same src/middleware.ts, and a page that renders.
 */
export function cloudflareWorkerSuite(stack: () => WebStack): void {
  describe('the Cloudflare worker (build:cloudflare, served by wrangler dev)', () => {
    let worker: WebServer;
    beforeAll(async () => {
      worker = await startCloudflareWorker({ API_BASE_URL: stack().platform.urls.gateway });
    }, 180_000);
    afterAll(async () => {
      await worker?.stop();
    });

    it('the build wrote the worker, its assets and the assets headers file', () => {
      expect(existsSync(join(WEB_DIR, '.open-next/worker.js'))).toBe(true);
      expect(readFileSync(join(WEB_DIR, '.open-next/assets/_headers'), 'utf8')).toMatch(/^\/\*\n {2}Strict-Transport-Security: /);
    });

    it('a page answers with a fresh nonce CSP and every security header', async () => {
      await expectPageSecurityHeaders(worker.origin, stack().platform.urls.gateway);
    });

    it('static files and redirects carry the security headers too', async () => {
      await expectStaticAndRedirectHeaders(worker.origin);
    });

    it('renders the login page in the asked locale', async () => {
      const answer = await fetch(`${worker.origin}/es/login`);
      expect(answer.status).toBe(200);
      expect(await answer.text()).toContain('<html lang="es"');
    });
  });
}
