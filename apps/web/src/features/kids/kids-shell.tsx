'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useState } from 'react';
import { useApi, useSession } from '@/api/api-provider';
import type { ChildInfo } from '@/api/session-store';
import { usePublicConfig } from '@/config/config-provider';
import { ParentGate } from '@/features/gate/parent-gate';
import { Link, useRouter } from '@/i18n/navigation';
import { modeOfBand } from './kids-mode';

/**
 * The kids-mode frame: no parent navigation, the mode of the child's band on the root
 * (`data-mode`), and "leave" behind the parent gate (the child token is dropped after it).
 */
export function KidsShell({ children }: { children: (child: ChildInfo) => ReactNode }) {
  const t = useTranslations('kids');
  const common = useTranslations('common');
  const session = useSession();
  const api = useApi();
  const router = useRouter();
  const { useFallbacks } = usePublicConfig();
  const [leaving, setLeaving] = useState(false);
  const child = session.child;
  if (!child) {
    return (
      <main id="main" className="kids-closed">
        <div className="state" data-testid="kids-closed">
          <p>{t('closed')}</p>
          <Link href="/dashboard" className="button">
            {common('nav.dashboard')}
          </Link>
        </div>
      </main>
    );
  }
  const leave = async () => {
    await api
      .auth('child')
      .logout()
      .catch(() => undefined);
    router.push('/dashboard');
  };
  return (
    <div className="kids" data-mode={modeOfBand(child.ageBand)} data-testid="kids-mode">
      <a href="#main" className="skip-link">
        {common('nav.skip')}
      </a>
      <header className="kids-header">
        <Link href="/kids" className="kids-brand">
          {t('hello', { name: child.displayName })}
        </Link>
        <button type="button" className="secondary" onClick={() => setLeaving(true)} data-testid="leave-kids">
          {t('leave')}
        </button>
      </header>
      {useFallbacks ? (
        <p className="fallback-banner" role="note">
          {common('fallbackBanner')}
        </p>
      ) : null}
      <main id="main">{children(child)}</main>
      {leaving ? (
        <ParentGate childProfileId={child.childProfileId} title={t('gate.leaveTitle')} onClose={() => setLeaving(false)} onPassed={leave} />
      ) : null}
    </div>
  );
}
