import { setRequestLocale } from 'next-intl/server';
import { AppShell } from '@/components/app-shell';
import { AddChildPage } from '@/features/dashboard/add-child-page';

/** /dashboard/children/new */
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <AppShell>
      <AddChildPage />
    </AppShell>
  );
}
