import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AppShell } from '@/components/app-shell';
import { Link } from '@/i18n/navigation';

/** The landing page: what the app is, and the way in (sign up or sign in). */
export default async function HomePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('common');
  return (
    <AppShell>
      <section className="hero">
        <h1>{t('home.heading')}</h1>
        <p className="lead">{t('home.lead')}</p>
        <p className="actions">
          <Link href="/signup" className="button">
            {t('home.start')}
          </Link>
          <Link href="/login" className="button secondary">
            {t('home.haveAccount')}
          </Link>
        </p>
      </section>
    </AppShell>
  );
}
