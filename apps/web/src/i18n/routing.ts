import { defineRouting } from 'next-intl/routing';

/** The web app's locales: German is the default, every path carries its locale (`/de/…`). */
export const routing = defineRouting({
  locales: ['de', 'en', 'es'],
  defaultLocale: 'de',
  localePrefix: 'always',
});

/** One of the app's locales. */
export type Locale = (typeof routing.locales)[number];
