import { PlatformError } from './platform-error';

const BACKSLASH = 0x5c;
const NUMBER_CHAR = /[-+.\deE]/;
const NON_ZERO_DIGIT_BEFORE_EXPONENT = /^-?[0.]*[1-9]/;

/** The end (index of the closing quote) of the JSON string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  for (;;) {
    let slashes = 0;
    while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
}

function checkNumber(token: string): void {
  const value = Number(token);
  const underflow = value === 0 && NON_ZERO_DIGIT_BEFORE_EXPONENT.test(token);
  if (!Number.isFinite(value) || underflow) {
    throw new PlatformError(
      400,
      'json_number_out_of_range',
      `Request body has a number outside the range of a double (${token.slice(0, 40)})`,
    );
  }
}

function duplicateKey(key: string): PlatformError {
  return new PlatformError(400, 'duplicate_json_key', 'Request body has an object with the same key twice', { key: key.slice(0, 100) });
}

/**
 * What `JSON.parse` lets pass silently, refused: a key twice in one object (the last would
 * win) is 400 `DUPLICATE_JSON_KEY`; a number that overflows to ±Infinity (`1e309`, which
 * would be stored as `null`) or underflows to 0 (`1e-400`) is 400 `JSON_NUMBER_OUT_OF_RANGE`.
 * `text` must already be valid JSON (one pass over it, keys compared after unescaping).
 */
export function assertStrictJson(text: string): void {
  const objects: Array<Set<string> | undefined> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        const keys = objects[objects.length - 1] as Set<string>;
        if (keys.has(key)) throw duplicateKey(key);
        keys.add(key);
        expectKey = false;
      }
      i = end;
    } else if (c === '{') {
      objects.push(new Set());
      expectKey = true;
    } else if (c === '[') {
      objects.push(undefined);
    } else if (c === '}' || c === ']') {
      objects.pop();
    } else if (c === ',') {
      expectKey = objects[objects.length - 1] !== undefined;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      let end = i + 1;
      while (end < text.length && NUMBER_CHAR.test(text[end])) end++;
      checkNumber(text.slice(i, end));
      i = end - 1;
    }
  }
}
