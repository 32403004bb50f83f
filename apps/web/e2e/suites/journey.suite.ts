import { seriousViolations } from '../testing/axe';
import { openPage, screenshot, watchProblems } from '../testing/browser';
import { apiLogin, eventually, newEmail, PIN, videoTime } from '../testing/family';
import { enterKidsMode, onboard, setControls, settle, waitForTrial } from '../testing/journey-steps';
import { seriousProblems } from '../testing/problems';
import type { WebStack } from '../testing/web-stack';

/** Issue 16's journey against the real stack, the limit that stops playback, and the gate on leaving kids mode. */
export function journeySuite(stack: () => WebStack): void {
  describe('the family journey against the gateway and the services', () => {
    it('signup → consent → child → 5-minute limit → PIN gate → rails of the band → playback advances → progress on the dashboard; leaving needs the gate', async () => {
      const { browser, platform } = stack();
      const page = await openPage(browser);
      const problems = watchProblems(page);
      const email = newEmail('journey');
      await page.goto(stack().url('/'));
      const axe: Record<string, string[]> = { landing: await seriousViolations(page) };
      Object.assign(axe, await onboard(page, platform, email, 'Mika'));
      axe.controls = await setControls(page, 5, 'journey-06-controls');
      await waitForTrial(page);
      axe.gate = await enterKidsMode(page, 'journey-07-gate');

      // 4. the home: rails of the child's band (6-11: nothing older), mode core, nothing of the parent's navigation
      axe.kidsHome = await settle(page, 'journey-08-kids-home', /Your missions/);
      expect(await page.getByTestId('kids-mode').getAttribute('data-mode')).toBe('core');
      const bands = await page.getByTestId('rail-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-band')));
      expect(bands.length).toBeGreaterThan(0);
      expect(bands.filter((b) => b !== '3-5' && b !== '6-11')).toEqual([]);
      expect(await page.getByRole('link', { name: 'Dashboard' }).count()).toBe(0);

      // 5. an episode plays: the video's currentTime advances
      await page.locator('a[href$="/kids/watch/ep-demo-1"]').click();
      await page.getByTestId('video').waitFor();
      const first = await eventually(
        'the video to start',
        async () => ((await videoTime(page)) > 0.3 ? videoTime(page) : undefined),
        30_000,
      );
      const later = await eventually('currentTime to advance', async () => {
        const t = await videoTime(page);
        return t > first + 1 ? t : undefined;
      });
      expect(later).toBeGreaterThan(first);
      axe.player = await settle(page, 'journey-09-player', /.+/);
      await page.getByTestId('remaining').waitFor({ timeout: 15_000 }); // a heartbeat answered

      // leaving kids mode: cancelling or a wrong PIN keeps the child in; the right PIN leaves
      await page.getByTestId('leave-kids').click();
      await page.getByRole('button', { name: 'Cancel' }).click();
      expect(await page.getByTestId('kids-mode').count()).toBe(1);
      await page.getByTestId('leave-kids').click();
      await page.getByLabel('Enter the parent PIN').fill('0000');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByTestId('parent-gate').getByTestId('error-state').waitFor();
      expect(await page.getByTestId('kids-mode').count()).toBe(1);
      await page.getByLabel('Enter the parent PIN').fill(PIN);
      await page.getByRole('button', { name: 'Continue' }).click();

      // 6. the progress shows on the parent's dashboard (progress.updated → identity)
      await page.getByRole('heading', { level: 1, name: /Family dashboard/ }).waitFor();
      const watched = await eventually(
        'the watch time on the dashboard',
        async () => {
          const text = (await page.getByTestId('weekly-watch').first().textContent()) ?? '';
          if (!/^0 min 0 s$/.test(text)) return text;
          await page.getByRole('button', { name: 'Refresh' }).click();
          await new Promise((r) => setTimeout(r, 500));
          return undefined;
        },
        30_000,
      );
      expect(watched).toMatch(/^\d+ min \d+ s$/);
      // recharts draws the bar after its layout pass; wait for it, then there must be exactly one (one child)
      await page.locator('.recharts-bar-rectangle').first().waitFor({ state: 'attached', timeout: 10_000 });
      expect(await page.locator('.recharts-bar-rectangle').count()).toBe(1);
      await screenshot(page, 'journey-10-dashboard-progress');
      axe.dashboardAfter = await seriousViolations(page);

      expect(Object.fromEntries(Object.entries(axe).filter(([, v]) => v.length > 0))).toEqual({});
      expect(seriousProblems(problems)).toEqual([]);
      await page.context().close();
    }, 300_000);

    it('the daily limit stops playback: the heartbeat answers stop, the player pauses and says why', async () => {
      const { browser, platform } = stack();
      const page = await openPage(browser);
      const email = newEmail('limit');
      await page.goto(stack().url('/'));
      await onboard(page, platform, email, 'Lina', 'limit');
      await setControls(page, 5);
      await waitForTrial(page);
      await enterKidsMode(page, 'limit-gate');
      await page.locator('a[href$="/kids/watch/ep-demo-1"]').click();
      await eventually('the video to start', async () => ((await videoTime(page)) > 0.2 ? true : undefined), 30_000);

      // five minutes of earlier watching today, recorded through the gateway as the parent
      const { token, parentId } = await apiLogin(platform.urls.gateway, email);
      const profiles = await fetch(`${platform.urls.gateway}/v1/children/profiles?parent_user_id=${encodeURIComponent(parentId)}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const child = ((await profiles.json()) as { profiles: { child_profile_id: string }[] }).profiles[0].child_profile_id;
      const usage = await fetch(`${platform.urls.gateway}/v1/progress/watch-events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ child_profile_id: child, episode_id: 'ep-demo-2', watch_ms: 300_000, event_time: new Date().toISOString() }),
      });
      expect(usage.status).toBe(202);

      const stopped = page.getByTestId('playback-stopped');
      await stopped.waitFor({ timeout: 20_000 });
      expect(await stopped.getAttribute('data-reason')).toBe('session_cap_reached');
      expect(await stopped.textContent()).toContain('That’s all for today');
      expect(await page.evaluate(() => (document.querySelector('video') as HTMLVideoElement).paused)).toBe(true);
      await screenshot(page, 'limit-stopped');
      expect(await seriousViolations(page)).toEqual([]);
      await page.context().close();
    }, 300_000);
  });
}
