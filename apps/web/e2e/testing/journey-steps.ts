import type { ServiceProcesses } from '@mikasmissions/testing';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { screenshot } from './browser';
import { bedtimeAwayFromNow, consentCode, eventually, PASSWORD, PIN } from './family';

/** Waits for a page's h1, the end of its loading states, then writes a screenshot and returns axe's serious violations. */
export async function settle(page: Page, name: string, heading: RegExp): Promise<string[]> {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30_000 });
  await page.locator('[data-testid="loading-state"]').first().waitFor({ state: 'detached', timeout: 30_000 });
  await screenshot(page, name);
  return seriousViolations(page);
}

/**
 * Issue 16's onboarding in the browser (English): signup → consent with the captured email code →
 * the first child (6-11) → the parent PIN → the dashboard. Returns axe's findings per page.
 */
export async function onboard(
  page: Page,
  platform: ServiceProcesses,
  email: string,
  childName: string,
  shots = 'journey',
): Promise<Record<string, string[]>> {
  const axe: Record<string, string[]> = {};
  await page.getByRole('link', { name: 'Create account' }).first().click();
  axe.signup = await settle(page, `${shots}-01-signup`, /Create your family account/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByLabel(/I accept the terms/).check();
  await page.getByRole('button', { name: 'Create account' }).click();
  axe.consent = await settle(page, `${shots}-02-consent`, /Confirm your consent/);
  await page.getByRole('button', { name: 'Send the code' }).click();
  await page.getByLabel('Code from the email').fill(await consentCode(platform, email));
  await page.getByRole('button', { name: 'Confirm' }).click();
  axe.child = await settle(page, `${shots}-03-child`, /Add your child/);
  await page.getByLabel('Name or nickname').fill(childName);
  await page.getByLabel('6 to 11 years').check();
  await page.getByRole('button', { name: 'Create profile' }).click();
  axe.pin = await settle(page, `${shots}-04-pin`, /Set your parent PIN/);
  await page.getByLabel('PIN (4 to 6 digits)').fill(PIN);
  await page.getByLabel('Your password, to confirm').fill(PASSWORD);
  await page.getByRole('button', { name: 'Save PIN' }).click();
  axe.dashboard = await settle(page, `${shots}-05-dashboard`, /Family dashboard/);
  return axe;
}

/** On the dashboard: the child's controls get a daily limit and a bedtime away from now. */
export async function setControls(page: Page, limitMinutes: number, shot?: string): Promise<string[]> {
  await page.getByRole('link', { name: 'Controls' }).first().click();
  const axe = await settle(page, shot ?? 'controls', /Parental controls/);
  const [from, until] = bedtimeAwayFromNow();
  await page.getByLabel('Daily limit (minutes)').fill(String(limitMinutes));
  await page.getByLabel('From', { exact: true }).fill(from);
  await page.getByLabel('Until', { exact: true }).fill(until);
  await page.getByRole('button', { name: 'Save controls' }).click();
  await page.getByTestId('controls-saved').waitFor();
  await page.getByRole('link', { name: 'Back to the dashboard' }).click();
  await page.getByRole('heading', { level: 1, name: /Family dashboard/ }).waitFor();
  return axe;
}

/** Waits until the dashboard's subscription box says the trial (from consent.verified) is active, refreshing. */
export async function waitForTrial(page: Page): Promise<void> {
  await eventually(
    'the trial on the dashboard',
    async () => {
      const text =
        (await page
          .getByTestId('entitlement')
          .textContent({ timeout: 1_000 })
          .catch(() => '')) ?? '';
      if (/\(active\)/.test(text)) return true;
      await page.getByRole('button', { name: 'Refresh' }).click();
      await new Promise((r) => setTimeout(r, 500));
      return undefined;
    },
    30_000,
  );
}

/** Opens kids mode for the first child through the PIN gate. */
export async function enterKidsMode(page: Page, shot = 'gate'): Promise<string[]> {
  await page.getByRole('button', { name: 'Start kids mode' }).first().click();
  const gate = page.getByTestId('parent-gate');
  await gate.waitFor();
  await page.getByLabel('Enter the parent PIN').waitFor();
  await screenshot(page, shot);
  const axe = await seriousViolations(page);
  await page.getByLabel('Enter the parent PIN').fill(PIN);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByTestId('kids-mode').waitFor();
  return axe;
}
