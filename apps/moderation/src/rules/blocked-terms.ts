const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Lower-cased NFKC text, so `ＧＯＲＥ` and `Gore` match `gore`. */
export const normalizeText = (text: string): string => text.normalize('NFKC').toLocaleLowerCase('und').trim();

/**
 * Finds whole-word (Unicode letters and digits) occurrences of terms in a text, case-insensitive
 * after NFKC; a term of several words matches any whitespace between them.
 *
 * @example
 * new BlockedTermMatcher(['kill']).find('Skill up!') // []
 * new BlockedTermMatcher(['kill']).find('Do not KILL') // ['kill']
 */
export class BlockedTermMatcher {
  private readonly patterns: Array<{ term: string; pattern: RegExp }>;

  constructor(terms: readonly string[]) {
    this.patterns = [...new Set(terms.map((t) => normalizeText(t).replace(/\s+/g, ' ')))].map((term) => ({
      term,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${term.split(/\s+/).map(escape).join('\\s+')}(?![\\p{L}\\p{N}])`, 'u'),
    }));
  }

  /** The terms found in `text`, in list order. */
  find(text: string): string[] {
    const normalized = normalizeText(text);
    return this.patterns.filter(({ pattern }) => pattern.test(normalized)).map(({ term }) => term);
  }
}
