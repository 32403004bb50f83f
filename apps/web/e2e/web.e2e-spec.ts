import { fallbackModeSuite } from './suites/fallback-mode.suite';
import { journeySuite } from './suites/journey.suite';
import { keyboardSuite } from './suites/keyboard.suite';
import { publicPagesSuite } from './suites/pages.suite';
import { adminSuite } from './suites/admin.suite';
import { bedtimeSuite } from './suites/bedtime.suite';
import { cloudflareWorkerSuite } from './suites/cloudflare-worker.suite';
import { securityHeaderSuite } from './suites/security-headers.suite';
import { strictModeSuite } from './suites/strict-mode.suite';
import { startWebStack, type WebStack } from './testing/web-stack';

/**
 * Issue 16's browser suite: one build per run (`build:cloudflare`, which runs `next build`), `next start` against the gateway and the
 * services in memory mode, headless Debian Chromium through playwright-core. Each suite file
 * adds its describe blocks on the one stack; the Cloudflare worker of the same build runs under `wrangler dev`. Screenshots: tmp/web-e2e/screenshots/.
 */
jest.setTimeout(120_000); // browser steps; testTimeout is not a per-project option

describe('the web app in a real browser (apps/web, production build)', () => {
  let stack: WebStack;
  beforeAll(async () => {
    stack = await startWebStack();
  }, 900_000);
  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  securityHeaderSuite(() => stack);
  cloudflareWorkerSuite(() => stack);
  publicPagesSuite(() => stack);
  journeySuite(() => stack);
  bedtimeSuite(() => stack);
  keyboardSuite(() => stack);
  strictModeSuite(() => stack);
  fallbackModeSuite();
  adminSuite(() => stack);
});
