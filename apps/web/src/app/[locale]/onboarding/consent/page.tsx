import { setRequestLocale } from 'next-intl/server';
import { AppShell } from '@/components/app-shell';
import { ConsentPage } from '@/features/onboarding/onboarding-pages';

/** /onboarding/consent */
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <AppShell>
      <ConsentPage />
    </AppShell>
  );
}
