import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { de } from './catalogue/de';
import { en, type MessageKey, type Messages } from './catalogue/en';
import { es } from './catalogue/es';

/** The languages notification writes in. */
export const MESSAGE_LANGUAGES = ['de', 'en', 'es'] as const;

/** One of {@link MESSAGE_LANGUAGES}. */
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

const CATALOGUE: Record<MessageLanguage, Messages> = { de, en, es };

/** `date, long` in UTC: a local day (`2026-12-01`) is shown as that day wherever the server runs. */
const FORMATS = { date: { long: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' } } } as const;

const compiled = new Map<string, IntlMessageFormat>();

/**
 * The language of a BCP 47 tag that notification writes (`de-AT` → `de`), else `fallback`.
 *
 * @example
 * messageLanguage('es-MX', 'en') // 'es'
 * messageLanguage('fr', 'en') // 'en'
 */
export function messageLanguage(tag: string | undefined, fallback: MessageLanguage): MessageLanguage {
  const primary = (tag ?? '').split(/[-_]/)[0].toLowerCase();
  return (MESSAGE_LANGUAGES as readonly string[]).includes(primary) ? (primary as MessageLanguage) : fallback;
}

/**
 * One message of the catalogue in `language`, with its values (numbers for plurals, `Date`s for
 * dates). Each message is compiled once.
 *
 * @example
 * message('de', 'digestSubject', { count: 2 }) // 'Neu bei MikasMissions: 2 Folgen'
 */
export function message(language: MessageLanguage, key: MessageKey, values: Record<string, PrimitiveType | Date> = {}): string {
  const id = `${language}:${key}`;
  let format = compiled.get(id);
  if (!format) {
    format = new IntlMessageFormat(CATALOGUE[language][key], language, FORMATS);
    compiled.set(id, format);
  }
  return String(format.format(values));
}

export type { MessageKey } from './catalogue/en';
