/** An error answer of AuthX (`{ error: { code, message, details } }`) or a network failure (status 0). */
export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AuthError';
  }

  /** Builds the error from a failed response. */
  static async from(res: Response): Promise<AuthError> {
    let body: { error?: { code?: string; message?: string; details?: unknown } } = {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      body = {};
    }
    return new AuthError(res.status, body.error?.code ?? `HTTP_${res.status}`, body.error?.message ?? res.statusText, body.error?.details);
  }
}
