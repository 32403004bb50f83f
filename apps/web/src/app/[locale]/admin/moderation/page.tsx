'use client';

import { useTranslations } from 'next-intl';
import { AdminShell } from '@/components/admin/admin-shell';

/**
 * The moderation queue. Its routes (`GET /v1/admin/moderation/queue`, `POST …/queue/{asset_id}/approve`
 * and `/reject`) are not in the contract on this branch yet (they come with the moderation
 * service), so the page says so instead of calling a route that does not exist.
 */
export default function AdminModerationPage() {
  const t = useTranslations('admin');
  return (
    <AdminShell title={t('moderation.heading')}>
      <div className="state state-empty" data-testid="moderation-not-available" role="note">
        <p>{t('moderation.notAvailable')}</p>
      </div>
    </AdminShell>
  );
}
