import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type ServiceProcesses, startServices, testEnv } from '@mikasmissions/testing';

const ROOT = join(__dirname, '../../..');
const CHROMIUM = '/usr/bin/chromium';

/** Starts libs/authx-sdk/examples/serve-browser.mjs on a free port; resolves with the page URL it prints. */
function serveExample(authxOrigin: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'libs/authx-sdk/examples/serve-browser.mjs')], {
    env: { PATH: process.env.PATH, PORT: '0', AUTHX_ORIGIN: authxOrigin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve-browser.mjs did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /on (http:\/\/\S+\/examples\/browser\.html)/.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ child, url });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve-browser.mjs exited (${code}):\n${out}`)));
  });
}

/** The page's log lines once its start-up script (or a click) has finished. */
async function logOf(page: Page, minLines: number): Promise<string[]> {
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction((n) => (document.getElementById('log')?.textContent ?? '').trim().split('\n').length >= n, minLines);
  return ((await page.textContent('#log')) ?? '').trim().split('\n');
}

/** libs/authx-sdk/examples/browser.html in headless Chromium, through serve-browser.mjs, against identity as a real process. */
describe('authx-sdk browser example (headless Chromium)', () => {
  let platform: ServiceProcesses;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let url: string;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
    platform = await startServices(['identity'], testEnv('memory', { AUTH_MODE: 'enforce', AUTH_DEV_LOGIN: 'true', LOG_LEVEL: 'warn' }));
    const served = await serveExample(platform.urls.identity);
    server = served.child;
    url = served.url;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    await platform?.stop();
  });

  it('signs in, keeps the tokens in sessionStorage only, survives a reload, refreshes and signs out', async () => {
    const page = await browser!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${url}?user=browser-e2e`);
    expect(await logOf(page, 2)).toEqual(['event SIGNED_IN', 'me 200 user=browser-e2e']);
    const storage = () =>
      page.evaluate(() => ({ local: localStorage.length, session: JSON.parse(sessionStorage.getItem('authx:tokens') ?? 'null') }));
    const before = await storage();
    expect(before).toEqual({
      local: 0,
      session: expect.objectContaining({ accessToken: expect.any(String), refreshToken: expect.any(String) }),
    });

    await page.reload();
    expect(await logOf(page, 2)).toEqual(['tokens from sessionStorage', 'me 200 user=browser-e2e']);

    await page.click('#refresh');
    expect((await logOf(page, 5)).slice(2)).toEqual(['event TOKEN_REFRESHED', 'refresh ok', 'me 200 user=browser-e2e']);
    expect((await storage()).session.refreshToken).not.toBe(before.session.refreshToken);

    await page.click('#logout');
    expect((await logOf(page, 7)).slice(5)).toEqual(['event SIGNED_OUT', 'signed in: false']);
    expect(await storage()).toEqual({ local: 0, session: null });
    expect(errors).toEqual([]);
    await page.close();
  });
});
