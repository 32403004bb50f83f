/** The two ways a request fails edge authentication; both map to HTTP 401. */
export type EdgeAuthErrorCode = 'missing_token' | 'invalid_token';

/**
 * A request's bearer token is absent (`missing_token`) or not acceptable (`invalid_token`). The
 * message names the reason and never echoes the token.
 *
 * @example
 * if (error instanceof EdgeAuthError) reply.code(401).send(errorBody(error.code, error.message));
 */
export class EdgeAuthError extends Error {
  constructor(
    readonly code: EdgeAuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'EdgeAuthError';
  }
}
