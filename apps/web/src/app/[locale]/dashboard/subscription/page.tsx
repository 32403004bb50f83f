import { setRequestLocale } from 'next-intl/server';
import { AppShell } from '@/components/app-shell';
import { SubscriptionPage } from '@/features/subscription/subscription-page';

/** /dashboard/subscription */
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <AppShell>
      <SubscriptionPage />
    </AppShell>
  );
}
