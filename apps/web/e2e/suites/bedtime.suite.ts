import { seriousViolations } from '../testing/axe';
import { openPage, screenshot, watchProblems } from '../testing/browser';
import { apiLogin, bedtimeAroundNow, changeControls, eventually, firstChildId, newEmail, PIN, videoTime } from '../testing/family';
import { enterKidsMode, onboard, setControls, waitForTrial } from '../testing/journey-steps';
import { seriousProblems } from '../testing/problems';
import type { WebStack } from '../testing/web-stack';

/**
 * The bedtime stop, decided by playback on its own clock: the child watches, the parent moves the
 * bedtime window over the current time through the real controls route, the next heartbeat
 * answers stop `bedtime_active` and the player pauses and says so; in German, a new playback is
 * refused at its start with the same stop state. Nothing fakes the clock.
 */
export function bedtimeSuite(stack: () => WebStack): void {
  describe('the bedtime stop', () => {
    it('a bedtime window that runs now stops playback (heartbeat), and refuses a new one (start), in English and German', async () => {
      const { browser, platform } = stack();
      const gateway = platform.urls.gateway;
      const page = await openPage(browser);
      const problems = watchProblems(page);
      const email = newEmail('bedtime');
      await page.goto(stack().url('/'));
      await onboard(page, platform, email, 'Noa', 'bedtime');
      await setControls(page, 60);
      await waitForTrial(page);
      await enterKidsMode(page, 'bedtime-gate');
      await page.locator('a[href$="/kids/watch/ep-demo-1"]').click();
      await eventually('the video to start', async () => ((await videoTime(page)) > 0.2 ? true : undefined), 30_000);
      await page.getByTestId('remaining').waitFor({ timeout: 15_000 }); // a heartbeat said continue before bedtime

      const { token, parentId } = await apiLogin(gateway, email);
      const child = await firstChildId(gateway, token, parentId);
      expect(await changeControls(gateway, token, child, { bedtime_window: bedtimeAroundNow(), timezone: 'UTC' })).toBe(200);

      const stopped = page.getByTestId('playback-stopped');
      await stopped.waitFor({ timeout: 20_000 });
      expect(await stopped.getAttribute('data-reason')).toBe('bedtime_active');
      expect(await stopped.textContent()).toContain('It’s bedtime. Sleep well!');
      expect(await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).paused)).toBe(true);
      await screenshot(page, 'bedtime-stopped-en');
      expect(await seriousViolations(page)).toEqual([]);

      // back on the dashboard (the gate), in German: a new playback is refused at its start
      await page.getByTestId('leave-kids').click();
      await page.getByLabel('Enter the parent PIN').fill(PIN);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { level: 1, name: /Family dashboard/ }).waitFor();
      await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
      await page.waitForURL(/\/de\/dashboard$/);
      await page.getByRole('button', { name: 'Kindermodus starten' }).first().click();
      await page.getByLabel('Eltern-PIN eingeben').fill(PIN);
      await page.getByRole('button', { name: 'Weiter' }).click();
      await page.getByTestId('kids-mode').waitFor();
      await page.locator('a[href$="/kids/watch/ep-demo-1"]').click();
      const refused = page.getByTestId('playback-stopped');
      await refused.waitFor({ timeout: 20_000 });
      expect(await refused.getAttribute('data-reason')).toBe('bedtime_active');
      expect(await refused.textContent()).toContain('Jetzt ist Schlafenszeit. Schlaf gut!');
      expect(await page.locator('section.watch').getAttribute('data-phase')).toBe('stopped');
      await screenshot(page, 'bedtime-refused-de');
      expect(await seriousViolations(page)).toEqual([]);
      expect(seriousProblems(problems)).toEqual([]);
      await page.context().close();
    }, 300_000);
  });
}
