'use client';

import { useTranslations } from 'next-intl';
import { AdminShell } from '@/components/admin/admin-shell';
import { ModerationQueue } from '@/components/admin/moderation-queue';

/**
 * The moderation queue: what the policy stage sent to an admin (`GET /v1/admin/moderation/queue`),
 * each item approved (`…/approve`: the publish stage then publishes it) or rejected with a reason (`…/reject`).
 */
export default function AdminModerationPage() {
  const t = useTranslations('admin');
  return (
    <AdminShell title={t('moderation.heading')}>
      <ModerationQueue />
    </AdminShell>
  );
}
