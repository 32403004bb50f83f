'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/app-shell';
import { Link, useRouter } from '@/i18n/navigation';
import { adminSessionStore, useAdminSession } from './admin-session';

/** The admin frame: the app shell plus the admin navigation; without an admin session, the way to the admin login. */
export function AdminShell({ title, children }: { title: string; children: ReactNode }) {
  const t = useTranslations('admin');
  const session = useAdminSession();
  const router = useRouter();
  return (
    <AppShell>
      <nav aria-label={t('nav.label')} className="admin-nav">
        <ul>
          <li>
            <Link href="/admin/workflows">{t('nav.workflows')}</Link>
          </li>
          <li>
            <Link href="/admin/model-profiles">{t('nav.modelProfiles')}</Link>
          </li>
          <li>
            <Link href="/admin/moderation">{t('nav.moderation')}</Link>
          </li>
          {session ? (
            <li>
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  adminSessionStore.set(null);
                  router.push('/admin');
                }}
              >
                {t('nav.logout')}
              </button>
            </li>
          ) : null}
        </ul>
      </nav>
      <h1>{title}</h1>
      {session ? (
        children
      ) : (
        <div className="state state-empty" data-testid="admin-signed-out">
          <p>{t('signedOut')}</p>
          <Link href="/admin" className="button">
            {t('login.submit')}
          </Link>
        </div>
      )}
    </AppShell>
  );
}
