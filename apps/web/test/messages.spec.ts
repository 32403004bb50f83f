import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_CODES } from '@mikasmissions/contracts-api';
import { CLIENT_ERROR_CODES } from '../src/api/api-error';
import { NAMESPACES } from '../src/i18n/namespaces';

const MESSAGES = join(__dirname, '../messages');
const LOCALES = ['de', 'en', 'es'];
type Tree = { [key: string]: string | Tree };

const read = (locale: string, ns: string): Tree => JSON.parse(readFileSync(join(MESSAGES, locale, `${ns}.json`), 'utf8')) as Tree;
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}
/** The top-level ICU arguments of a message (`{name}`, `{count, plural, …}` → `count`; not the option texts inside). */
function placeholders(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '{') {
      if (depth === 0) names.push(/^\{\s*([a-zA-Z0-9_]+)/.exec(text.slice(i))?.[1] ?? '?');
      depth += 1;
    } else if (text[i] === '}') depth -= 1;
  }
  return names.sort();
}

describe('message files (apps/web/messages/<locale>/<namespace>.json)', () => {
  it('every locale has exactly the namespace files the request config merges', () => {
    for (const locale of LOCALES) {
      expect(readdirSync(join(MESSAGES, locale)).sort()).toEqual(NAMESPACES.map((ns) => `${ns}.json`).sort());
    }
  });

  it.each(NAMESPACES.map((ns) => [ns]))('%s: the same keys in de, en and es, none empty, the same placeholders', (ns) => {
    const all = LOCALES.map((locale) => ({ locale, messages: leaves(read(locale, ns)) }));
    const keys = new Set(all.flatMap(({ messages }) => [...messages.keys()]));
    for (const { locale, messages } of all) {
      const missing = [...keys].filter((k) => !messages.has(k)).map((k) => `${locale}: ${ns}.${k}`);
      expect(missing).toEqual([]);
      const empty = [...messages].filter(([, text]) => text.trim() === '').map(([k]) => `${locale}: ${ns}.${k}`);
      expect(empty).toEqual([]);
    }
    for (const key of keys) {
      const shapes = new Set(all.map(({ messages }) => placeholders(messages.get(key) ?? '').join(',')));
      expect({ key, shapes: [...shapes] }).toEqual({ key, shapes: [[...shapes][0]] });
    }
  });

  it.each(LOCALES)('%s translates every error code of the contract and of the web client', (locale) => {
    const errors = leaves(read(locale, 'errors'));
    expect([...ERROR_CODES, ...CLIENT_ERROR_CODES].filter((code) => !errors.has(code))).toEqual([]);
  });
});
