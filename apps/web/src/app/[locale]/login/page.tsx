import { setRequestLocale } from 'next-intl/server';
import { AppShell } from '@/components/app-shell';
import { LoginForm } from '@/features/onboarding/login-form';

/** /login */
export default async function Page({ params }: { params: Promise<{ locale: string }> }) {
  setRequestLocale((await params).locale);
  return (
    <AppShell>
      <LoginForm />
    </AppShell>
  );
}
