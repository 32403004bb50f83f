import { setRequestLocale } from 'next-intl/server';
import { AppShell } from '@/components/app-shell';
import { SignupForm } from '@/features/onboarding/signup-form';

/** /signup */
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <AppShell>
      <SignupForm />
    </AppShell>
  );
}
