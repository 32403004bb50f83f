import { openPage, screenshot } from '../testing/browser';
import { apiLogin, consentCode, eventually, newEmail, PASSWORD, PIN, videoTime } from '../testing/family';
import { tabAndPress, tabAndType } from '../testing/keyboard';
import type { WebStack } from '../testing/web-stack';

/** Keyboard only (Tab, typing, Enter, Space): onboarding, the gate, kids mode, the player and leaving. */
export function keyboardSuite(stack: () => WebStack): void {
  describe('keyboard only', () => {
    it('onboarding → kids mode through the gate → an episode plays → leaving through the gate, without a pointer', async () => {
      const { browser, platform } = stack();
      const page = await openPage(browser);
      const email = newEmail('keys');
      const h1 = (name: RegExp) => page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 30_000 });
      await page.goto(stack().url('/'));
      await tabAndPress(page, page.getByRole('link', { name: 'Create account' }).first());
      await h1(/Create your family account/);
      await tabAndType(page, page.getByLabel('Email'), email);
      await tabAndType(page, page.getByLabel('Password'), PASSWORD);
      await tabAndPress(page, page.getByLabel(/I accept the terms/), 'Space');
      await tabAndPress(page, page.getByRole('button', { name: 'Create account' }));
      await h1(/Confirm your consent/);
      await tabAndPress(page, page.getByRole('button', { name: 'Send the code' }));
      await tabAndType(page, page.getByLabel('Code from the email'), await consentCode(platform, email));
      await tabAndPress(page, page.getByRole('button', { name: 'Confirm' }));
      await h1(/Add your child/);
      await tabAndType(page, page.getByLabel('Name or nickname'), 'Kiki');
      await tabAndPress(page, page.getByRole('button', { name: 'Create profile' }));
      await h1(/Set your parent PIN/);
      await tabAndType(page, page.getByLabel('PIN (4 to 6 digits)'), PIN);
      await tabAndType(page, page.getByLabel('Your password, to confirm'), PASSWORD);
      await tabAndPress(page, page.getByRole('button', { name: 'Save PIN' }));
      await h1(/Family dashboard/);

      // the trial comes from consent.verified; playback needs it (checked test-side, not by the page)
      const { token, parentId } = await apiLogin(platform.urls.gateway, email);
      await eventually('the trial', async () => {
        const r = await fetch(`${platform.urls.gateway}/v1/billing/entitlements?parent_user_id=${parentId}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return r.status === 200 && ((await r.json()) as { active: boolean }).active ? true : undefined;
      });

      await tabAndPress(page, page.getByRole('button', { name: 'Start kids mode' }).first());
      await page.getByTestId('parent-gate').waitFor();
      await tabAndType(page, page.getByLabel('Enter the parent PIN'), PIN);
      await page.keyboard.press('Enter');
      await page.getByTestId('kids-mode').waitFor();
      await tabAndPress(page, page.locator('a[href$="/kids/watch/ep-demo-1"]'));
      await eventually('the video to advance', async () => ((await videoTime(page)) > 1 ? true : undefined), 30_000);
      await screenshot(page, 'keyboard-player');

      await tabAndPress(page, page.getByTestId('leave-kids'));
      await page.getByTestId('parent-gate').waitFor();
      await tabAndType(page, page.getByLabel('Enter the parent PIN'), PIN);
      await page.keyboard.press('Enter');
      await h1(/Family dashboard/);
      await page.context().close();
    }, 300_000);
  });
}
