'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useSession } from '@/api/api-provider';
import { Link } from '@/i18n/navigation';

/** Renders `children(parentUserId)` for a signed-in parent, else the "please sign in" state (tokens are memory only). */
export function RequireParent({ children }: { children: (parentUserId: string) => ReactNode }) {
  const session = useSession();
  const t = useTranslations('errors');
  const common = useTranslations('common');
  if (!session.parent) {
    return (
      <div className="state" data-testid="signed-out-state">
        <p>{t('not_signed_in')}</p>
        <Link href="/login" className="button">
          {common('nav.login')}
        </Link>
      </div>
    );
  }
  return <>{children(session.parent.parentUserId)}</>;
}
