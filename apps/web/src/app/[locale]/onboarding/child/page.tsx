import { setRequestLocale } from 'next-intl/server';
import { AppShell } from '@/components/app-shell';
import { ChildPage } from '@/features/onboarding/onboarding-pages';

/** /onboarding/child */
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <AppShell>
      <ChildPage />
    </AppShell>
  );
}
