import type { Browser, Page } from 'playwright-core';
import { seriousViolations } from '../testing/axe';
import { launchChromium, openPage, screenshot, watchProblems } from '../testing/browser';
import { seriousProblems } from '../testing/problems';
import { freePort, runNext, startNext, type WebServer } from '../testing/web-server';

/**
 * Fallback mode (`NEXT_PUBLIC_USE_API_FALLBACKS=true`, `next dev` only): every page renders from
 * the typed fixtures with no API at all (the base URL points at a closed port and no request may
 * leave for it); and `next build` with the flag fails.
 */
export function fallbackModeSuite(): void {
  describe('fallback mode: every page without an API (next dev)', () => {
    let web: WebServer;
    let browser: Browser;
    const deadApi = 'http://127.0.0.1:9';
    beforeAll(async () => {
      web = await startNext('dev', await freePort(), {
        NEXT_PUBLIC_USE_API_FALLBACKS: 'true',
        API_BASE_URL: deadApi,
        WEB_HEARTBEAT_SEC: '2',
      });
      browser = await launchChromium();
    }, 240_000);
    afterAll(async () => {
      await browser?.close();
      await web?.stop();
    });

    const expectPage = async (page: Page, name: string, heading: RegExp) => {
      await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="loading-state"]').first().waitFor({ state: 'detached', timeout: 60_000 });
      expect(await page.locator('[data-testid="error-state"]').count()).toBe(0);
      await screenshot(page, `fallback-${name}`);
      expect(await seriousViolations(page)).toEqual([]);
    };

    it('walks landing → login → dashboard → controls → subscription → kids mode → player from fixtures, never calling the API', async () => {
      const page = await openPage(browser);
      const problems = watchProblems(page);
      const apiCalls: string[] = [];
      page.on('request', (r) => {
        if (r.url().startsWith(deadApi)) apiCalls.push(r.url());
      });
      await page.goto(`${web.origin}/en`);
      await expect(page.getByTestId('fallback-banner').isVisible()).resolves.toBe(true);
      await page.getByRole('link', { name: 'Sign in' }).first().click();
      await expectPage(page, 'login', /Sign in/);
      await page.getByLabel('Email').fill('demo@example.com');
      await page.getByLabel('Password').fill('anything-goes-here');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expectPage(page, 'dashboard', /Family dashboard/);
      expect(await page.getByTestId('rail').count()).toBe(0);
      expect(await page.locator('.recharts-bar-rectangle').count()).toBe(2);
      await page.getByRole('link', { name: 'Controls' }).first().click();
      await expectPage(page, 'controls', /Parental controls/);
      await page.getByRole('link', { name: 'Back to the dashboard' }).click();
      await page.getByRole('link', { name: 'Manage subscription' }).click();
      await expectPage(page, 'subscription', /Subscription/);
      await page.getByRole('link', { name: 'Back to the dashboard' }).click();
      await page.getByRole('button', { name: 'Start kids mode' }).first().click();
      await page.getByLabel('Enter the parent PIN').fill('1234');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expectPage(page, 'kids-home', /Let’s watch!/);
      expect(await page.getByTestId('rail').count()).toBeGreaterThan(0);
      await page.getByTestId('rail-item').first().getByRole('link').click();
      await expectPage(page, 'player', /Fixture episode/);
      expect(apiCalls).toEqual([]);
      expect(seriousProblems(problems)).toEqual([]);
      await page.context().close();
    }, 300_000);

    it('walks admin login → workflows → moderation queue (approve) from fixtures, never calling the API', async () => {
      const page = await openPage(browser);
      const problems = watchProblems(page);
      const apiCalls: string[] = [];
      page.on('request', (r) => {
        if (r.url().startsWith(deadApi)) apiCalls.push(r.url());
      });
      await page.goto(`${web.origin}/en/admin`);
      await page.getByLabel('Email').fill('admin@example.com');
      await page.getByLabel('Password').fill('anything-goes-here');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expectPage(page, 'admin-workflows', /Workflows/);
      await page.getByRole('link', { name: 'Moderation' }).click();
      await expectPage(page, 'admin-moderation', /Moderation queue/);
      const item = page.getByTestId('moderation-item');
      expect(await item.getByRole('heading').innerText()).toBe('Fixture: the fox and the moon');
      expect(await item.getByTestId('moderation-reason').innerText()).toBe('Creator not trusted yet');
      await item.getByRole('button', { name: 'Approve' }).click();
      await page.locator('[data-testid="moderation-decided"][data-status="approved"]').waitFor();
      expect(apiCalls).toEqual([]);
      expect(seriousProblems(problems)).toEqual([]);
      await page.context().close();
    }, 300_000);

    it('`next build` with NEXT_PUBLIC_USE_API_FALLBACKS=true fails and says why', async () => {
      await expect(runNext(['build'], { NEXT_PUBLIC_USE_API_FALLBACKS: 'true' }, 120_000)).rejects.toThrow(
        /NEXT_PUBLIC_USE_API_FALLBACKS=true is for the dev server only/,
      );
    });
  });
}
