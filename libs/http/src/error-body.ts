import { HttpException, HttpStatus } from '@nestjs/common';
import { ZodValidationException } from 'nestjs-zod';
import { PlatformError } from './platform-error';
import { MAX_URL_LENGTH } from './request-head';
import { isStoreConnectionError } from './store-connection-error';
import { StoreUnavailableError } from './store-unavailable.error';

/** The code of a request that failed because a store's connection did (see {@link isStoreConnectionError}). */
export const STORE_UNAVAILABLE = 'store_unavailable';

/** The one error body every app answers with. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId: string };
}

/** An error reduced to what the client may see. */
export interface MappedError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  headers?: Readonly<Record<string, string>>;
}

const FRAMEWORK_CODES: Record<string, { status: number; code: string; message?: string }> = {
  'entity.parse.failed': { status: 400, code: 'malformed_json', message: 'Request body is not valid JSON' },
  'entity.too.large': { status: 413, code: 'payload_too_large', message: 'Request body is too large' },
  'encoding.unsupported': { status: 415, code: 'unsupported_encoding' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'Request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length' },
  FST_ERR_BAD_URL: { status: 400, code: 'malformed_url', message: 'The request path has malformed percent-encoding or is not UTF-8' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, code: 'uri_too_long', message: `The request URL is longer than ${MAX_URL_LENGTH} characters` },
};

/** Codes are lowercase snake_case everywhere: `not_found`, `bad_request`, `internal`. */
function statusCode(status: number): string {
  return (HttpStatus[status] ?? (status >= 500 ? 'INTERNAL' : 'ERROR')).toLowerCase();
}

/**
 * Maps any thrown value to status, code and a message safe to show the client. A store's lost
 * or refused connection (pg, Prisma, sockets) becomes 503 `STORE_UNAVAILABLE` with
 * `Retry-After`, wherever it was thrown; anything else unknown is 500 `INTERNAL`.
 */
export function mapError(error: unknown): MappedError {
  if (error instanceof PlatformError) {
    return { status: error.status, code: error.code, message: error.message, details: error.details, headers: error.headers };
  }
  if (error instanceof ZodValidationException) {
    const zodError = error.getZodError() as { issues?: Array<{ path: PropertyKey[]; message: string; code: string }> };
    return {
      status: 400,
      code: 'validation_failed',
      message: 'Request validation failed',
      details: (zodError.issues ?? []).map((i) => ({ path: i.path.map(String).join('.'), message: i.message, code: i.code })),
    };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    if (typeof response === 'object' && response !== null) {
      const r = response as { code?: unknown; message?: unknown; details?: unknown };
      const message = Array.isArray(r.message) ? r.message.join('; ') : typeof r.message === 'string' ? r.message : error.message;
      return { status, code: typeof r.code === 'string' ? r.code.toLowerCase() : statusCode(status), message, details: r.details };
    }
    return { status, code: statusCode(status), message: String(response) };
  }
  if (isStoreConnectionError(error)) {
    return mapError(
      new StoreUnavailableError(STORE_UNAVAILABLE, 'a data store is temporarily unavailable; retry shortly', {
        retryAfterSec: 2,
        cause: error,
      }),
    );
  }
  const e = error as { type?: string; code?: string; statusCode?: number; status?: number; message?: string } | undefined;
  const known = (e?.type && FRAMEWORK_CODES[e.type]) || (e?.code && FRAMEWORK_CODES[e.code]);
  if (known) return { status: known.status, code: known.code, message: known.message ?? e?.message ?? known.code };
  const status = e?.statusCode ?? e?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: statusCode(status), message: e?.message ?? statusCode(status) };
  }
  return { status: 500, code: 'internal', message: 'Internal server error' };
}

export function toErrorBody(mapped: MappedError, requestId: string): ErrorBody {
  const body: ErrorBody = { error: { code: mapped.code, message: mapped.message, requestId } };
  if (mapped.details !== undefined) body.error.details = mapped.details;
  return body;
}
