import { seriousViolations } from '../testing/axe';
import { openPage, screenshot, watchProblems } from '../testing/browser';
import { seriousProblems } from '../testing/problems';
import type { WebStack } from '../testing/web-stack';

/** Public pages in every locale: rendered, hydrated under the CSP, no missing message, axe clean. */
export function publicPagesSuite(stack: () => WebStack): void {
  describe('public pages in de, en, es', () => {
    it.each(['de', 'en', 'es'])(
      'the landing page in %s renders, hydrates under the CSP and has no serious axe violation',
      async (locale) => {
        const page = await openPage(stack().browser);
        const problems = watchProblems(page);
        await page.goto(stack().url('/', locale));
        await page.locator('html[lang]').waitFor();
        expect(await page.getAttribute('html', 'lang')).toBe(locale);
        // the language switch is a client component: it works only once React hydrated
        await page.getByRole('combobox').selectOption(locale === 'en' ? 'de' : 'en');
        await page.waitForURL(locale === 'en' ? /\/de$/ : /\/en$/);
        await page.goto(stack().url('/', locale));
        await screenshot(page, `landing-${locale}`);
        expect(await seriousViolations(page)).toEqual([]);
        expect(seriousProblems(problems)).toEqual([]);
        await page.context().close();
      },
    );
  });
}
