import { InvalidDisplayNameError } from './child-profiles.errors';

const MAX_LENGTH = 40;
const EMAIL_LIKE = /@/;
const CONTROL = /\p{Cc}|\p{Cf}/u;

/**
 * A child's display name, checked for data minimisation: a first name or nickname of 1–40
 * characters (trimmed), never an email address (anything with `@`) nor a phone number (seven
 * or more digits anywhere, whatever the separators), and no control or format characters. Throws
 * {@link InvalidDisplayNameError} with the reason; returns the trimmed name.
 *
 * @example
 * checkDisplayName(' Mia ') // 'Mia'
 * checkDisplayName('+49 170 1234567') // throws invalid_display_name (phone)
 */
export function checkDisplayName(raw: string): string {
  const name = raw.trim();
  if ([...name].length > MAX_LENGTH) throw new InvalidDisplayNameError('too_long');
  if (CONTROL.test(name)) throw new InvalidDisplayNameError('characters');
  if (EMAIL_LIKE.test(name)) throw new InvalidDisplayNameError('email');
  if ((name.match(/\d/g) ?? []).length >= 7) throw new InvalidDisplayNameError('phone');
  return name;
}
