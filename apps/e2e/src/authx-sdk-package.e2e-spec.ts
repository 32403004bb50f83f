import { type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { type ServiceProcesses, startServices, testEnv } from '@mikasmissions/testing';
import { pageLog, ROOT, type Ran, runIn, SDK, serveBrowserExample } from './testing/authx-sdk-scripts';

const CHROMIUM = '/usr/bin/chromium';
// Each test runs a process or two (node, tsc, Chromium): slow on a busy machine. A bound, not a timing assert.
jest.setTimeout(60_000);

/** What libs/authx-sdk/examples/node-login.mjs prints when every step passed. */
function expectFullLogin(ran: Ran, userId: string): void {
  expect({ code: ran.code, stderr: ran.stderr }).toEqual({ code: 0, stderr: '' });
  const lines = ran.stdout.trim().split('\n');
  expect(lines).toEqual([
    'event SIGNED_IN',
    expect.stringMatching(/^login ok session=[\w-]+$/),
    expect.stringMatching(new RegExp(`^me 200 user=${userId} session=[\\w-]+$`)),
    'event TOKEN_REFRESHED',
    'refresh ok (new refresh token)',
    'event TOKEN_REFRESHED',
    expect.stringMatching(new RegExp(`^me after a rejected token 200 user=${userId} session=[\\w-]+$`)),
    'event SIGNED_OUT',
    'logout ok signedIn=false',
  ]);
}

/**
 * The SDK as its users get it: `pnpm pack` → `npm install <tarball> --offline` in a temp dir
 * outside the repo → plain Node ESM, CommonJS and TypeScript consumers, against identity as a
 * real process (AUTH_MODE=enforce, dev login on). Also the repo's own `.mjs` through the
 * workspace link, and the browser example in headless Chromium. One suite, so the pack (which
 * rebuilds libs/authx-sdk/dist) never runs while the browser example loads that build.
 */
describe('@mikasmissions/authx-sdk as a package, from Node scripts and a browser', () => {
  let platform: ServiceProcesses;
  let consumer: string;
  let tarball: string;
  let authxUrl: string;
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
    consumer = mkdtempSync(join(tmpdir(), 'authx-sdk-consumer-'));
    const packing = (async () => {
      const packed = await runIn(ROOT, 'pnpm', ['--filter', '@mikasmissions/authx-sdk', 'pack', '--pack-destination', consumer]);
      if (packed.code !== 0) throw new Error(`pnpm pack failed: ${packed.stderr}${packed.stdout}`);
      tarball = readdirSync(consumer).find((f) => f.endsWith('.tgz'))!;
      writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'sdk-consumer', private: true }));
      const installed = await runIn(consumer, 'npm', ['install', '--offline', '--no-audit', '--no-fund', `./${tarball}`]);
      if (installed.code !== 0) throw new Error(`npm install --offline failed: ${installed.stderr}${installed.stdout}`);
      for (const example of ['node-login.mjs', 'node-login.cjs']) copyFileSync(join(SDK, 'examples', example), join(consumer, example));
    })();
    const starting = startServices(['identity'], testEnv('memory', { AUTH_MODE: 'enforce', AUTH_DEV_LOGIN: 'true', LOG_LEVEL: 'warn' }));
    const [, started] = await Promise.allSettled([packing, starting]);
    if (started.status === 'fulfilled') platform = started.value;
    await packing;
    if (started.status === 'rejected') throw started.reason;
    authxUrl = `${platform.urls.identity}/v1`;
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill('SIGTERM');
    await platform?.stop();
    if (consumer) rmSync(consumer, { recursive: true, force: true });
  });

  it('packs only the build, the README and package.json, with no dependencies and no install scripts', async () => {
    const listed = await runIn(consumer, 'tar', ['tzf', tarball]);
    expect(listed.stdout.trim().split('\n').sort()).toEqual([
      'package/README.md',
      'package/dist/index.d.mts',
      'package/dist/index.d.ts',
      'package/dist/index.js',
      'package/dist/index.mjs',
      'package/package.json',
    ]);
    const manifest = JSON.parse((await runIn(consumer, 'tar', ['xzf', tarball, '-O', 'package/package.json'])).stdout) as Record<
      string,
      unknown
    >;
    expect(manifest.dependencies).toBeUndefined();
    expect(Object.keys((manifest.scripts as Record<string, string>) ?? {})).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(pre|post)?install$|^prepare$/)]),
    );
  });

  it('a plain ESM script outside the repo logs in, refreshes and heals a rejected token', async () => {
    expectFullLogin(await runIn(consumer, process.execPath, ['node-login.mjs'], { AUTHX_URL: authxUrl, AUTHX_USER: 'pkg-esm' }), 'pkg-esm');
  });

  it('a CommonJS script outside the repo requires it and logs in', async () => {
    const ran = await runIn(consumer, process.execPath, ['node-login.cjs'], { AUTHX_URL: authxUrl, AUTHX_USER: 'pkg-cjs' });
    expect(ran).toEqual({ code: 0, stdout: 'cjs me 200 user=pkg-cjs\n', stderr: '' });
  });

  it('its types resolve for ESM and CommonJS TypeScript consumers (and are not `any`)', async () => {
    const source = [
      "import { createAuthClient, memoryTokenStore, type AuthTokens } from '@mikasmissions/authx-sdk';",
      "const auth = createAuthClient({ baseUrl: 'http://localhost:8080/v1', tokenStore: memoryTokenStore() });",
      'export const tokens: Promise<AuthTokens | null> = auth.getTokens();',
      '// @ts-expect-error baseUrl is a string',
      'createAuthClient({ baseUrl: 8080 });',
    ].join('\n');
    writeFileSync(join(consumer, 'esm.mts'), source);
    writeFileSync(join(consumer, 'cjs.cts'), source);
    const compilerOptions = {
      noEmit: true,
      strict: true,
      module: 'nodenext',
      moduleResolution: 'nodenext',
      lib: ['es2022', 'dom'],
      types: [],
    };
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['esm.mts', 'cjs.cts'] }));
    const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
    const checked = await runIn(consumer, process.execPath, [tsc, '-p', 'tsconfig.json']);
    expect({ code: checked.code, out: checked.stdout }).toEqual({ code: 0, out: '' });
  });

  it("the repo's own .mjs script imports it through the workspace link", async () => {
    const ran = await runIn(ROOT, process.execPath, [join(SDK, 'examples/node-login.mjs')], {
      AUTHX_URL: authxUrl,
      AUTHX_USER: 'repo-mjs',
    });
    expectFullLogin(ran, 'repo-mjs');
  });

  it("the repo's TypeScript script runs with the SWC register (as tools/* do) and imports it by name", async () => {
    const ran = await runIn(ROOT, process.execPath, ['-r', '@swc-node/register', join(SDK, 'examples/node-login.ts')], {
      AUTHX_URL: authxUrl,
      AUTHX_USER: 'repo-ts',
      SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
    });
    expect(ran).toEqual({ code: 0, stdout: 'ts me 200 user=repo-ts\nts refresh ok\n', stderr: '' });
  });

  it('a script fails clearly, with the URL it tried, when AuthX is not there', async () => {
    const ran = await runIn(consumer, process.execPath, ['node-login.mjs'], { AUTHX_URL: 'http://127.0.0.1:9/v1' });
    expect(ran.code).toBe(1);
    expect(ran.stderr).toMatch(/^failed: .+ \(AUTHX_URL=http:\/\/127\.0\.0\.1:9\/v1\)\n$/);
  });

  it('the browser example signs in, keeps tokens in sessionStorage only, survives a reload, refreshes and signs out', async () => {
    const served = await serveBrowserExample(platform.urls.identity);
    server = served.child;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${served.url}?user=browser-e2e`);
    expect(await pageLog(page, 2)).toEqual(['event SIGNED_IN', 'me 200 user=browser-e2e']);
    const storage = () =>
      page.evaluate(() => ({ local: localStorage.length, session: JSON.parse(sessionStorage.getItem('authx:tokens') ?? 'null') }));
    const before = await storage();
    expect(before).toEqual({
      local: 0,
      session: expect.objectContaining({ accessToken: expect.any(String), refreshToken: expect.any(String) }),
    });

    await page.reload();
    expect(await pageLog(page, 2)).toEqual(['tokens from sessionStorage', 'me 200 user=browser-e2e']);
    await page.click('#refresh');
    expect((await pageLog(page, 5)).slice(2)).toEqual(['event TOKEN_REFRESHED', 'refresh ok', 'me 200 user=browser-e2e']);
    expect((await storage()).session.refreshToken).not.toBe(before.session.refreshToken);
    await page.click('#logout');
    expect((await pageLog(page, 7)).slice(5)).toEqual(['event SIGNED_OUT', 'signed in: false']);
    expect(await storage()).toEqual({ local: 0, session: null });
    expect(errors).toEqual([]);
  });
});
