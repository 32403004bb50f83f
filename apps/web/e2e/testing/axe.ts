import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The axe-core violations of `page` at impact serious or critical, as `id: target…` lines (empty when clean). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // after a client-side navigation Next.js sets the new page's <title> a moment later: audit the settled page
  await page.waitForFunction(() => document.title.trim() !== '', undefined, { timeout: 5_000 }).catch(() => undefined);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
