import type { IncomingHttpHeaders } from 'node:http';
import { checkBodyHeaders, hasBody, mediaType } from './json-body';
import { PlatformError } from './platform-error';

/** A request line longer than this (path and query, in characters as sent) is 414 `URI_TOO_LONG`. */
export const MAX_URL_LENGTH = 8192;

/** Methods whose requests must not carry a body (400 `BODY_NOT_ALLOWED`). */
const BODILESS_METHODS = new Set(['GET', 'HEAD']);

/** A percent-escape of a C0 control (U+0000–U+001F) or DEL. */
const ESCAPED_CONTROL = /%(?:[01][0-9a-f]|7f)/i;
const TAB = 0x09;

/** Whether a header value has a control character; horizontal tab is whitespace there (RFC 9110 §5.5). */
function hasHeaderControl(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== TAB) || c === 0x7f) return true;
  }
  return false;
}

/** The parts of a request {@link checkRequestHead} reads (Node's `IncomingMessage` on both adapters). */
export interface RequestHead {
  method?: string;
  url?: string;
  headers: IncomingHttpHeaders;
}

function invalidCharacters(where: string): PlatformError {
  return new PlatformError(400, 'invalid_characters', `The request ${where} contains a control character (U+0000–U+001F or U+007F)`, {
    in: where,
  });
}

function checkUrl(url: string): void {
  if (url.length > MAX_URL_LENGTH)
    throw new PlatformError(414, 'uri_too_long', `The request URL is longer than ${MAX_URL_LENGTH} characters`);
  if (!url.includes('%')) return;
  const mark = url.indexOf('?');
  const path = mark === -1 ? url : url.slice(0, mark);
  const query = mark === -1 ? '' : url.slice(mark + 1);
  if (ESCAPED_CONTROL.test(path)) throw invalidCharacters('path');
  if (ESCAPED_CONTROL.test(query)) throw invalidCharacters('query');
  for (const [part, text] of [
    ['path', path],
    ['query', query],
  ] as const) {
    try {
      decodeURIComponent(text);
    } catch {
      throw new PlatformError(400, 'malformed_url', `The request ${part} has malformed percent-encoding or is not UTF-8`);
    }
  }
}

function checkHeaders(headers: IncomingHttpHeaders): void {
  for (const name in headers) {
    const value = headers[name];
    if (typeof value === 'string' ? hasHeaderControl(value) : value?.some(hasHeaderControl)) throw invalidCharacters('header');
  }
}

/**
 * The rules every request meets before routing, the same on Express and Fastify: a URL of at
 * most {@link MAX_URL_LENGTH} characters (414); path and query well percent-encoded UTF-8 with
 * no escaped C0 control or DEL (`%00`–`%1F`, `%7F`), header values without control characters
 * but tab (400 `MALFORMED_URL` / `INVALID_CHARACTERS`); no body on GET or HEAD (400
 * `BODY_NOT_ALLOWED`); and the body headers of `checkBodyHeaders` (415), except for a
 * `POST multipart/form-data` to one of `multipartPaths` (declared with `@AcceptsMultipart`).
 */
export function checkRequestHead(req: RequestHead, multipartPaths: ReadonlySet<string> = NO_PATHS): void {
  checkUrl(req.url ?? '');
  checkHeaders(req.headers);
  if (BODILESS_METHODS.has(req.method ?? '') && hasBody(req.headers)) {
    throw new PlatformError(400, 'body_not_allowed', `${req.method} requests must not carry a body`);
  }
  if (multipartPaths.size > 0 && isMultipartRoute(req, multipartPaths)) return;
  checkBodyHeaders(req.headers);
}

const NO_PATHS: ReadonlySet<string> = new Set();

/** A `POST multipart/form-data` (identity encoding) to one of the declared paths. */
function isMultipartRoute(req: RequestHead, paths: ReadonlySet<string>): boolean {
  if (req.method !== 'POST' || mediaType(req.headers) !== 'multipart/form-data') return false;
  if ((req.headers['content-encoding'] ?? 'identity').toLowerCase() !== 'identity') return false;
  const url = req.url ?? '';
  const mark = url.indexOf('?');
  return paths.has(mark === -1 ? url : url.slice(0, mark));
}
