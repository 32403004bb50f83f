'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useApi, useSession } from '@/api/api-provider';
import { usePublicConfig } from '@/config/config-provider';
import { Link, usePathname, useRouter } from '@/i18n/navigation';
import { routing } from '@/i18n/routing';

/** The page frame: skip link, header with navigation and language switch, the demo-data banner, `<main>`. */
export function AppShell({ children }: { children: ReactNode }) {
  const t = useTranslations('common');
  const locale = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  const session = useSession();
  const api = useApi();
  const { useFallbacks } = usePublicConfig();
  const queries = useQueryClient();
  const signOut = async () => {
    await api
      .auth('child')
      .logout()
      .catch(() => undefined);
    await api
      .auth('parent')
      .logout()
      .catch(() => undefined);
    queries.clear(); // nothing of this family stays in the tab
    router.push('/');
  };
  return (
    <>
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          {t('app.title')}
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul>
            {session.parent ? (
              <>
                <li>
                  <Link href="/dashboard">{t('nav.dashboard')}</Link>
                </li>
                <li>
                  <button type="button" className="link-button" onClick={() => void signOut()}>
                    {t('nav.logout')}
                  </button>
                </li>
              </>
            ) : (
              <>
                <li>
                  <Link href="/login">{t('nav.login')}</Link>
                </li>
                <li>
                  <Link href="/signup">{t('nav.signup')}</Link>
                </li>
              </>
            )}
          </ul>
        </nav>
        <label className="locale-switch">
          <span>{t('nav.language')}</span>
          <select value={locale} onChange={(e) => router.replace(pathname, { locale: e.target.value })}>
            {routing.locales.map((l) => (
              <option key={l} value={l}>
                {t(`locales.${l}`)}
              </option>
            ))}
          </select>
        </label>
      </header>
      {useFallbacks ? (
        <p className="fallback-banner" role="note" data-testid="fallback-banner">
          {t('fallbackBanner')}
        </p>
      ) : null}
      <main id="main">{children}</main>
    </>
  );
}
