import type { Metadata } from 'next';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { serverPublicConfig } from '@/config/public-config';
import { ApiProvider } from '@/api/api-provider';
import { ConfigProvider } from '@/config/config-provider';
import { routing } from '@/i18n/routing';
import '../globals.css';

/** Every page renders per request: its scripts carry that request's CSP nonce. */
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'common' });
  return { title: t('app.title'), description: t('app.description') };
}

/** The one root layout: `<html lang>`, messages, and the public config (API base URL, fallbacks) for the client. */
export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <ConfigProvider config={serverPublicConfig()}>
            <ApiProvider>{children}</ApiProvider>
          </ConfigProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
