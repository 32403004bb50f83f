/**
 * `pnpm run bench:web`: web vitals measured in headless Chromium against the production build
 * (`next build` + `next start` beside the services in memory mode, as the browser suite runs):
 * LCP, CLS and INP from the browser's performance APIs on the home (landing), dashboard and
 * kids pages, vs the budgets LCP ≤ 2.5 s, CLS ≤ 0.1, INP ≤ 200 ms. Prints a table; exits 1 when
 * a budget is missed. The dashboard and kids home are reached by client-side navigation (tokens
 * live in memory), so their LCP is the soft-navigation one: click → last render of the page's
 * marked content (Element Timing), and their CLS the shifts from that click on. INP is the
 * slowest interaction ≥ 16 ms of the visit so far (0 = none that slow).
 * `BENCH_ROUNDS` (default 3) rounds, medians printed. `WEB_E2E_REUSE_BUILD=1` reuses the last build.
 */
import { openPage } from '../testing/browser';
import { newEmail, PASSWORD, PIN } from '../testing/family';
import { onboard } from '../testing/journey-steps';
import { startWebStack, type WebStack } from '../testing/web-stack';
import { installVitalsObservers, pageNow, readVitals, type Vitals } from './vitals';

const BUDGET: Vitals = { lcp: 2500, cls: 0.1, inp: 200 };
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measureRound(stack: WebStack, round: number): Promise<Record<'home' | 'dashboard' | 'kids', Vitals>> {
  const page = await openPage(stack.browser);
  await page.addInitScript(installVitalsObservers);
  // home: a hard load, then a key press and a click that do not navigate
  await page.goto(stack.url('/'), { waitUntil: 'networkidle' });
  await page.keyboard.press('Tab');
  await page.mouse.click(640, 600);
  await page.waitForTimeout(300);
  const home = await readVitals(page);

  const email = newEmail(`bench${round}`);
  await onboard(page, stack.platform, email, 'Bea', `bench-${round}`);
  // dashboard: sign out (clears the cache), sign in again; soft LCP = click → the child card's render
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('link', { name: 'Sign in' }).first().click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  let since = await pageNow(page);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-testid^="child-"]').first().waitFor();
  await page.waitForTimeout(500);
  const dashboard = await readVitals(page, { since, element: 'dashboard' });

  // kids home: through the PIN gate; soft LCP = the gate's click → the rails' render
  await page.getByRole('button', { name: 'Start kids mode' }).first().click();
  await page.getByLabel('Enter the parent PIN').fill(PIN);
  since = await pageNow(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByTestId('rail-item').first().waitFor();
  await page.waitForTimeout(500);
  const kids = await readVitals(page, { since, element: 'kids' });
  await page.context().close();
  return { home, dashboard, kids };
}

async function main(): Promise<void> {
  const stack = await startWebStack();
  const results: Record<'home' | 'dashboard' | 'kids', Vitals[]> = { home: [], dashboard: [], kids: [] };
  try {
    for (let round = 0; round < ROUNDS; round += 1) {
      const r = await measureRound(stack, round);
      for (const key of ['home', 'dashboard', 'kids'] as const) results[key].push(r[key]);
    }
  } finally {
    await stack.stop();
  }
  print(results);
}

function print(results: Record<string, Vitals[]>): void {
  const rows = Object.entries(results).map(([name, list]) => ({
    name,
    lcp: median(list.map((v) => v.lcp)),
    cls: median(list.map((v) => v.cls)),
    inp: median(list.map((v) => v.inp)),
  }));
  const ok = (v: number, b: number) => (v <= b ? 'ok' : 'OVER');
  process.stdout.write(`\nbench:web — medians of ${ROUNDS} round(s), production build, headless Chromium\n\n`);
  process.stdout.write('| page | LCP ms (≤ 2500) | CLS (≤ 0.1) | INP ms (≤ 200) |\n|---|---|---|---|\n');
  for (const r of rows)
    process.stdout.write(
      `| ${r.name} | ${r.lcp.toFixed(0)} ${ok(r.lcp, BUDGET.lcp)} | ${r.cls.toFixed(3)} ${ok(r.cls, BUDGET.cls)} | ${r.inp.toFixed(0)} ${ok(r.inp, BUDGET.inp)} |\n`,
    );
  const over = rows.some((r) => r.lcp > BUDGET.lcp || r.cls > BUDGET.cls || r.inp > BUDGET.inp);
  process.stdout.write(over ? '\nsome budget is missed\n' : '\nall budgets met\n');
  process.exitCode = over ? 1 : 0;
}

void main().catch((error: unknown) => {
  process.stderr.write(`bench:web failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
