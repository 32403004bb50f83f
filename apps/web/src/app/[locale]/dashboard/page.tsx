import { setRequestLocale } from 'next-intl/server';
import { AppShell } from '@/components/app-shell';
import { DashboardPage } from '@/features/dashboard/dashboard';

/** /dashboard */
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <AppShell>
      <DashboardPage />
    </AppShell>
  );
}
