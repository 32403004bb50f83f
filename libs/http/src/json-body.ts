import type { IncomingHttpHeaders } from 'node:http';
import secureJson from 'secure-json-parse';
import { PlatformError } from './platform-error';
import { assertStrictJson } from './strict-json';

/** JSON nested deeper than this is refused (400 `JSON_TOO_DEEP`) before any handler sees it. */
export const MAX_JSON_DEPTH = 64;

const JSON_MEDIA_TYPE = /^application\/(?:[\w.+-]+\+)?json$/i;

/** The media type of a request without its parameters, lower-cased (`''` when absent). */
export function mediaType(headers: IncomingHttpHeaders): string {
  return (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** `application/json` and `application/<anything>+json`. */
export function isJsonMediaType(type: string): boolean {
  return JSON_MEDIA_TYPE.test(type);
}

/** Whether the request carries a body at all. */
export function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers['transfer-encoding'] !== undefined || Number(headers['content-length'] ?? 0) > 0;
}

/**
 * The rules both adapters apply before parsing: JSON only (415 otherwise), UTF-8 only,
 * no content-encoding (the platform does not inflate request bodies).
 */
export function checkBodyHeaders(headers: IncomingHttpHeaders): void {
  if (!hasBody(headers)) return;
  const type = mediaType(headers);
  if (!isJsonMediaType(type)) {
    throw new PlatformError(
      415,
      'unsupported_media_type',
      `Request bodies must be JSON (content-type: application/json), got ${type ? `"${type.slice(0, 60)}"` : 'none'}`,
    );
  }
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(headers['content-type'] ?? '')?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    throw new PlatformError(415, 'unsupported_charset', 'Request bodies must be UTF-8');
  }
  const encoding = (headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') throw new PlatformError(415, 'unsupported_encoding', 'Compressed request bodies are not accepted');
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A body's bytes as text: UTF-8 only, without a byte-order mark (400 `BOM_NOT_ALLOWED` / `INVALID_UTF8`). */
function decodeUtf8(body: Buffer): string {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    throw new PlatformError(400, 'bom_not_allowed', 'Request body starts with a byte-order mark; send UTF-8 without one');
  }
  try {
    return UTF8.decode(body);
  } catch {
    throw new PlatformError(400, 'invalid_utf8', 'Request body is not valid UTF-8');
  }
}

/**
 * Parses a JSON request body the same way on every adapter: UTF-8 without a BOM;
 * prototype-poisoning keys (`__proto__`, `constructor.prototype`) are refused, as are
 * duplicate keys in one object, numbers outside the double range (`1e309`, `1e-400`),
 * nesting beyond {@link MAX_JSON_DEPTH} and strings no database can store (NUL, lone
 * surrogates).
 */
export function parseJsonBody(body: Buffer | string): unknown {
  const text = typeof body === 'string' ? body : decodeUtf8(body);
  if (text.trim() === '') throw new PlatformError(400, 'malformed_json', 'Request body is empty but content-type is JSON');
  let value: unknown;
  try {
    value = secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' });
  } catch (error) {
    const poisoned = error instanceof SyntaxError && /prototype/i.test(error.message);
    throw poisoned
      ? new PlatformError(400, 'forbidden_json_key', 'Request body contains a forbidden key (__proto__ or constructor.prototype)')
      : new PlatformError(400, 'malformed_json', 'Request body is not valid JSON');
  }
  assertStrictJson(text);
  assertStorable(value);
  return value;
}

function assertStorable(root: unknown): void {
  const stack: Array<{ value: unknown; depth: number }> = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (typeof value === 'string') {
      assertString(value);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_JSON_DEPTH)
      throw new PlatformError(400, 'json_too_deep', `Request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
    for (const [key, child] of Object.entries(value)) {
      assertString(key);
      stack.push({ value: child, depth: depth + 1 });
    }
  }
}

function assertString(value: string): void {
  if (value.includes('\u0000') || !value.isWellFormed()) {
    throw new PlatformError(400, 'invalid_json_string', 'Request body contains a NUL character or an unpaired surrogate');
  }
}
