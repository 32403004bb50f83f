'use client';

import { useParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { AdminShell } from '@/components/admin/admin-shell';
import { RunView } from '@/components/admin/run-view';

/** One run: its live state (polled until final) and its logs, with cancel and retry. */
export default function AdminRunPage() {
  const t = useTranslations('admin');
  const { runId } = useParams<{ runId: string }>();
  return (
    <AdminShell title={t('run.heading')}>
      <RunView runId={runId} />
    </AdminShell>
  );
}
