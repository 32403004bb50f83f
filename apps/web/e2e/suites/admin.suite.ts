import { browserContractValidator } from '../testing/contract';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../testing/axe';
import { openPage, screenshot, watchProblems } from '../testing/browser';
import type { WebStack } from '../testing/web-stack';

/** identity's dev admin in memory mode (apps/identity/src/admin-users/admin-bootstrap.config.ts). */
const DEV_ADMIN = { email: 'admin@mikasmissions.local', password: 'mikas-dev-admin-2026' };

/**
 * The admin pages against the real gateway, identity, admin-studio, generation, media pipeline
 * and moderation (memory mode; tools/fake-nim as the provider): login, a workflow created (the
 * API's `workflow_invalid` shown on its field first), edited (version goes up), a run started
 * and followed live to `in_review`, its clip approved in the moderation queue so the run ends
 * `published`; the model profile saved within its ranges; a second run's clip rejected with a
 * reason so that run ends `failed`; the workflow deleted. Every admin answer the browser gets is
 * checked against the contract; axe and a screenshot per page.
 */
export function adminSuite(stack: () => WebStack): void {
  describe('admin pages (gateway + identity + admin-studio, memory mode)', () => {
    let page: Page;
    let problems: string[];
    const contractErrors: string[] = [];
    const screenshots: string[] = [];
    const contract = browserContractValidator();

    beforeAll(async () => {
      page = await openPage(stack().browser);
      problems = watchProblems(page);
      page.on('response', async (response) => {
        const url = new URL(response.url());
        if (!url.pathname.startsWith('/v1/admin') || response.request().method() === 'OPTIONS') return;
        const text = await response.text().catch(() => '');
        const verdict = contract.check({
          method: response.request().method(),
          path: url.pathname,
          status: response.status(),
          body: text ? JSON.parse(text) : undefined,
        });
        if (!verdict.ok) contractErrors.push(...verdict.errors);
      });
    });
    afterAll(async () => {
      await page?.context().close();
      console.log(`admin screenshots:\n${screenshots.join('\n')}`);
    });

    const check = async (name: string) => {
      expect(await seriousViolations(page)).toEqual([]);
      screenshots.push(await screenshot(page, name));
    };

    it('signs in: a wrong password shows invalid_credentials translated, the dev admin gets the workflows (empty)', async () => {
      await page.goto(stack().url('/admin', 'de'));
      await page.getByRole('heading', { name: 'Admin-Anmeldung' }).waitFor();
      await check('admin-login-de');
      await page.getByLabel('E-Mail').fill(DEV_ADMIN.email);
      await page.getByLabel('Passwort').fill('not-the-password-1');
      await page.getByRole('button', { name: 'Anmelden' }).click();
      const error = page.getByTestId('error-state');
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe('invalid_credentials');
      expect(await error.innerText()).toContain('E-Mail oder Passwort');
      await page.getByLabel('Passwort').fill(DEV_ADMIN.password);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.waitForURL(/\/de\/admin\/workflows$/);
      await page.getByTestId('empty-state').waitFor();
      await check('admin-workflows-empty-de');
    });

    it('creates a workflow: the API refuses a suitability that does not fit the age band on that field, then creates version 1', async () => {
      await page.getByRole('link', { name: 'Workflows' }).first().click(); // client navigation keeps the in-memory token
      await page.locator('#new-name').fill('Fox counts to ten');
      await page.locator('#new-description').fill('A friendly fox learns to count');
      await page.locator('#new-age_band').selectOption('3-5');
      await page.locator('#new-content_suitability').selectOption('teen');
      await page.getByRole('button', { name: 'Workflow anlegen' }).click();
      await page.getByTestId('field-error-content_suitability').waitFor();
      expect(await page.getByTestId('error-state').getAttribute('data-code')).toBe('workflow_invalid');
      expect(await page.locator('#new-content_suitability').getAttribute('aria-invalid')).toBe('true');
      await check('admin-workflow-invalid-de');
      await page.locator('#new-content_suitability').selectOption('early');
      await page.getByRole('button', { name: 'Workflow anlegen' }).click();
      const item = page.getByTestId('workflow-item');
      await item.waitFor();
      expect(await item.getByTestId('workflow-version').innerText()).toContain('Version 1');
    });

    it('edits the workflow: the version goes up', async () => {
      const item = page.getByTestId('workflow-item');
      await item.getByRole('button', { name: 'Bearbeiten' }).click();
      await item.getByLabel('Name').fill('Fox counts to twenty');
      await item.getByRole('button', { name: 'Speichern (neue Version)' }).click();
      await page.getByRole('heading', { name: 'Fox counts to twenty' }).waitFor();
      expect(await page.getByTestId('workflow-version').innerText()).toContain('Version 2');
      await check('admin-workflows-de');
    });

    it('starts a run: the generation worker and the fake NIM carry it to `in_review`, live, with its logs', async () => {
      await page.getByTestId('workflow-item').getByRole('button', { name: 'Lauf starten' }).click();
      await page.waitForURL(/\/de\/admin\/runs\/[^/]+$/);
      await page.getByTestId('run-status').waitFor();
      // the page polls: the run moves requested → running → generated → qc_passed → in_review by itself
      await page.locator('[data-testid="run-status"][data-status="in_review"]').waitFor({ timeout: 90_000 });
      expect(await page.getByTestId('run-status').innerText()).toBe('In Prüfung');
      await page.getByTestId('run-logs').getByText('qc_passed').first().waitFor();
      await check('admin-run-in-review-de');
    });

    it('moderation: the clip waits with its title, creator and reason; approved from the page, the run ends `published`', async () => {
      await page.getByRole('link', { name: 'Moderation' }).click();
      const item = page.getByTestId('moderation-item');
      await item.waitFor();
      expect(await item.count()).toBe(1);
      expect(await item.getByRole('heading').innerText()).toBe('Fox counts to twenty');
      expect(await item.getByTestId('moderation-creator').innerText()).toContain('admin-studio');
      expect(await item.getByTestId('moderation-reason').getAttribute('data-reason')).toBe('review_required');
      expect(await item.getByTestId('moderation-reason').innerText()).toBe('Prüfung verlangt');
      await check('admin-moderation-queue-de');
      await item.getByRole('button', { name: 'Freigeben' }).click();
      await page.locator('[data-testid="moderation-decided"][data-status="approved"]').waitFor();
      await page.getByTestId('empty-state').waitFor();
      await check('admin-moderation-empty-de');
      await page.goBack(); // client history: the run page, the token still in memory
      await page.locator('[data-testid="run-status"][data-status="published"]').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('run-status').innerText()).toBe('Veröffentlicht');
      await page.getByTestId('run-logs').getByText('published').first().waitFor();
      await check('admin-run-published-de');
    });

    it('saves the model profile nim-default within the contract ranges (in English)', async () => {
      await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
      await page.waitForURL(/\/en\/admin\/runs\//);
      await page.getByRole('link', { name: 'Model profiles' }).click();
      await page.locator('#mp-timeout_ms').waitFor();
      await page.locator('#mp-timeout_ms').fill('100');
      await page.getByRole('button', { name: 'Save profile' }).click();
      expect(await page.getByTestId('field-error-timeout_ms').innerText()).toContain('500 to 120000');
      await page.locator('#mp-timeout_ms').fill('30000');
      await page.getByRole('button', { name: 'Save profile' }).click();
      await page.getByTestId('model-profile-saved').waitFor();
      await page.reload(); // a reload forgets the token by design: the page asks to sign in again
      await page.getByTestId('admin-signed-out').waitFor();
    });

    it('rejects a second run from the moderation queue with a reason: the run fails with media_rejected (in Spanish), then deletes the workflow', async () => {
      await page.goto(stack().url('/admin', 'es'));
      await page.getByLabel('Correo electrónico').fill(DEV_ADMIN.email);
      await page.getByLabel('Contraseña').fill(DEV_ADMIN.password);
      await page.getByRole('button', { name: 'Iniciar sesión' }).click();
      await page.waitForURL(/\/es\/admin\/workflows$/);
      await page.getByRole('link', { name: 'Perfiles de modelo' }).click();
      expect(await page.locator('#mp-timeout_ms').inputValue()).toBe('30000');
      await check('admin-model-profile-es');
      await page.getByRole('link', { name: 'Flujos de trabajo' }).first().click();
      await page.getByTestId('workflow-item').getByRole('button', { name: 'Iniciar ejecución' }).click();
      await page.waitForURL(/\/es\/admin\/runs\/[^/]+$/);
      await page.locator('[data-testid="run-status"][data-status="in_review"]').waitFor({ timeout: 90_000 });
      await page.getByRole('link', { name: 'Moderación' }).click();
      const item = page.getByTestId('moderation-item');
      await item.waitFor();
      expect(await item.count()).toBe(1);
      await item.getByRole('button', { name: 'Rechazar' }).click();
      await item.getByLabel('Motivo', { exact: true }).selectOption('frightening_content');
      await item.getByLabel('Mensaje para el creador (opcional)').fill('El zorro da demasiado miedo');
      await check('admin-moderation-reject-es');
      await item.getByRole('button', { name: 'Rechazar' }).click();
      await page.locator('[data-testid="moderation-decided"][data-status="rejected"]').waitFor();
      expect(await page.getByTestId('moderation-decided').innerText()).toBe('Rechazado: Fox counts to twenty.');
      await page.getByTestId('empty-state').waitFor();
      await page.goBack();
      await page.locator('[data-testid="run-status"][data-status="failed"]').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('run-status').innerText()).toBe('Fallida');
      expect(await page.getByTestId('run-last-error').innerText()).toContain('media_rejected');
      await page.getByRole('button', { name: 'Reintentar ejecución' }).waitFor();
      await check('admin-run-rejected-es');
      await page.getByRole('link', { name: 'Flujos de trabajo' }).first().click();
      page.once('dialog', (dialog) => void dialog.accept());
      await page.getByTestId('workflow-item').getByRole('button', { name: 'Eliminar' }).click();
      await page.getByTestId('empty-state').waitFor();
    });

    it('every admin answer matched the contract, and no page reported an error', () => {
      expect(contractErrors).toEqual([]);
      expect(problems.filter((p) => !p.includes('Failed to load resource'))).toEqual([]);
    });
  });
}
