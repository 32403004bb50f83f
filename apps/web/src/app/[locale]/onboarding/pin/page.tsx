import { setRequestLocale } from 'next-intl/server';
import { AppShell } from '@/components/app-shell';
import { PinPage } from '@/features/onboarding/onboarding-pages';

/** /onboarding/pin */
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <AppShell>
      <PinPage />
    </AppShell>
  );
}
