import { seriousViolations } from '../testing/axe';
import { openPage, screenshot } from '../testing/browser';
import { freePort, startNext, type WebServer } from '../testing/web-server';
import type { WebStack } from '../testing/web-stack';

/** Strict API mode (the default): with the API down, the pages show the translated error state, never fixture data. */
export function strictModeSuite(stack: () => WebStack): void {
  describe('strict mode with the API down', () => {
    let web: WebServer;
    let deadApi: string;
    beforeAll(async () => {
      deadApi = `http://127.0.0.1:${await freePort()}`; // nothing listens there
      web = await startNext('start', await freePort(), { API_BASE_URL: deadApi });
    }, 120_000);
    afterAll(async () => {
      await web?.stop();
    });

    it.each([
      ['en', 'The server cannot be reached'],
      ['de', 'Der Server ist nicht erreichbar'],
      ['es', 'No se puede conectar con el servidor'],
    ])('login in %s shows the network error in the reader’s language, no dashboard, no demo data', async (locale, message) => {
      const page = await openPage(stack().browser);
      const calls: string[] = [];
      page.on('request', (r) => {
        if (r.url().startsWith(deadApi)) calls.push(r.url());
      });
      await page.goto(`${web.origin}/${locale}/login`);
      await page.locator('input[name="email"]').fill('parent@example.com');
      await page.locator('input[name="password"]').fill('whatever-it-is');
      await page.locator('form button[type="submit"]').click();
      const error = page.getByTestId('error-state');
      await error.waitFor({ timeout: 20_000 });
      expect(await error.getAttribute('data-code')).toBe('network_error');
      expect(await error.textContent()).toContain(message);
      expect(calls).toEqual([`${deadApi}/v1/parents/login`]);
      expect(await page.getByTestId('fallback-banner').count()).toBe(0);
      expect(page.url()).toMatch(/\/login$/);
      await screenshot(page, `strict-api-down-${locale}`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    });

    it('an API error body is shown by its code, translated, never raw (wrong password through the real gateway)', async () => {
      const page = await openPage(stack().browser);
      await page.goto(stack().url('/login', 'de'));
      await page.locator('input[name="email"]').fill('nobody@example.com');
      await page.locator('input[name="password"]').fill('not-the-password');
      await page.locator('form button[type="submit"]').click();
      const error = page.getByTestId('error-state');
      await error.waitFor({ timeout: 20_000 });
      expect(await error.getAttribute('data-code')).toBe('invalid_credentials');
      const text = (await error.textContent()) ?? '';
      expect(text).toContain('E-Mail oder Passwort ist nicht korrekt.');
      expect(text).not.toMatch(/invalid_credentials|"error"|\{/);
      await screenshot(page, 'strict-api-error-de');
      await page.context().close();
    });
  });
}
