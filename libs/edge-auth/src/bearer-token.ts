import { EdgeAuthError } from './edge-auth.errors';

const BEARER = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i;

/**
 * The token of an `Authorization: Bearer <token>` header: `undefined` when the header is absent
 * or blank (the caller decides whether that is `missing_token`); any other scheme or shape throws
 * `EdgeAuthError('invalid_token')`.
 *
 * @example
 * bearerToken('Bearer eyJ…') // 'eyJ…'
 * bearerToken(undefined)     // undefined
 * bearerToken('Basic dTpw')  // throws EdgeAuthError('invalid_token')
 */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (authorization === undefined || authorization.trim() === '') return undefined;
  const match = BEARER.exec(authorization);
  if (!match) throw new EdgeAuthError('invalid_token', 'authorization header is not a bearer token');
  return match[1];
}
