/** Keys whose values never reach a log line: redacted on every line, refused as access-line fields. */
export const SECRET_KEYS: readonly string[] = Object.freeze([
  'password',
  'code',
  'otp',
  'secret',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'clientSecret',
]);
