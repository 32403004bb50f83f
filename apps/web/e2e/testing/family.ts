import type { ServiceProcesses } from '@mikasmissions/testing';
import type { Page } from 'playwright-core';

/** The password every browser-made parent gets. */
export const PASSWORD = 'correct horse battery staple';
/** The PIN every browser-made parent sets. */
export const PIN = '2468';

/** A fresh parent email per call. */
export const newEmail = (label: string) => `web.${label}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`;

/** Polls `read` every 250 ms until it yields a value; throws naming `what` after `timeoutMs`. */
export async function eventually<T>(what: string, read: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The consent code identity's console sender printed for `email` (as apps/e2e's gateway-client reads it). */
export function consentCode(platform: ServiceProcesses, email: string): Promise<string> {
  const pattern = new RegExp(`email code for ${email.replace(/[.+]/g, '\\$&')} \\(tenant default\\): (\\d{6})`);
  return eventually('the consent code on identity’s console', () => pattern.exec(platform.output('identity'))?.[1], 10_000);
}

/** A bedtime window that does not include the current UTC hour (controls default to UTC). */
export function bedtimeAwayFromNow(): [string, string] {
  const hour = new Date().getUTCHours();
  const at = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;
  return [at(hour + 3), at(hour + 4)];
}

/** The current `currentTime` of the page's video. */
export const videoTime = (page: Page) =>
  page.evaluate(() => (document.querySelector('video') as HTMLVideoElement | null)?.currentTime ?? 0);

/** Signs a parent in through the gateway (for test-side setup the browser must not do). */
export async function apiLogin(gateway: string, email: string): Promise<{ token: string; parentId: string }> {
  const res = await fetch(`${gateway}/v1/parents/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const body = (await res.json()) as { access_token: string; parent_user_id: string };
  if (res.status !== 200) throw new Error(`login: ${res.status} ${JSON.stringify(body)}`);
  return { token: body.access_token, parentId: body.parent_user_id };
}

/** A bedtime window that runs now: from an hour ago until an hour from now (UTC, minute precision; may cross midnight). */
export function bedtimeAroundNow(now = new Date()): string {
  const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString().slice(11, 16);
  return `${at(-3_600_000)}-${at(3_600_000)}`;
}

/** The parent's first child through the gateway. */
export async function firstChildId(gateway: string, token: string, parentId: string): Promise<string> {
  const res = await fetch(`${gateway}/v1/children/profiles?parent_user_id=${encodeURIComponent(parentId)}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = (await res.json()) as { profiles: { child_profile_id: string }[] };
  if (res.status !== 200) throw new Error(`profiles: ${res.status} ${JSON.stringify(body)}`);
  return body.profiles[0].child_profile_id;
}

/** Changes one child's controls through the real route (GET, then PUT with `change` applied); returns the PUT's status. */
export async function changeControls(gateway: string, token: string, childId: string, change: Record<string, unknown>): Promise<number> {
  const url = `${gateway}/v1/parents/controls/${encodeURIComponent(childId)}`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
  const read = await fetch(url, { headers });
  const current = (await read.json()) as { controls: Record<string, unknown> };
  if (read.status !== 200) throw new Error(`controls: ${read.status} ${JSON.stringify(current)}`);
  const put = await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ ...current.controls, ...change }) });
  return put.status;
}
