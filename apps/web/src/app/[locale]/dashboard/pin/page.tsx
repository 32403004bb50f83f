import { setRequestLocale } from 'next-intl/server';
import { AppShell } from '@/components/app-shell';
import { ParentPinPage } from '@/features/dashboard/add-child-page';

/** /dashboard/pin */
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <AppShell>
      <ParentPinPage />
    </AppShell>
  );
}
