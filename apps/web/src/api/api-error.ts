/** Codes the web app itself gives a failure that never reached the API or gave no error body. */
export const CLIENT_ERROR_CODES = ['network_error', 'invalid_response', 'unknown_error', 'not_signed_in'] as const;

/** One API failure, carried as data: what the error component translates by `code`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly requestId?: string,
    readonly details?: unknown,
  ) {
    super(`API error ${status} ${code}`);
    this.name = 'ApiError';
  }

  /** Reads the contract's error body `{ error: { code, message, details?, requestId } }`; anything else is `invalid_response`. */
  static fromBody(status: number, body: unknown): ApiError {
    const error = (body as { error?: { code?: unknown; requestId?: unknown; details?: unknown } } | undefined)?.error;
    if (error && typeof error.code === 'string') {
      return new ApiError(error.code, status, typeof error.requestId === 'string' ? error.requestId : undefined, error.details);
    }
    return new ApiError('invalid_response', status);
  }

  /** Any thrown value as an ApiError (a failed fetch is `network_error`). */
  static from(cause: unknown): ApiError {
    if (cause instanceof ApiError) return cause;
    if (cause instanceof TypeError) return new ApiError('network_error', 0);
    return new ApiError('unknown_error', 0);
  }
}

/**
 * Unwraps an openapi-fetch answer: the data, or an {@link ApiError} from the error body.
 *
 * @example
 * const dashboard = await unwrap(api.GET('/v1/parents/dashboard'));
 */
export async function unwrap<T>(pending: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await pending;
  } catch (cause) {
    throw ApiError.from(cause);
  }
  if (result.response.ok) return result.data as T;
  throw ApiError.fromBody(result.response.status, result.error);
}
