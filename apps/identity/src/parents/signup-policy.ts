import { Injectable } from '@nestjs/common';
import countries from 'i18n-iso-countries';
import isEmail from 'validator/lib/isEmail';
import { BREACHED_PASSWORDS } from './breached-passwords';
import { InvalidEmailError, MissingProfileError, TermsRequiredError, WeakPasswordError } from './parents.errors';

/** The signup body as received (types checked by the DTO, meaning checked here). */
export interface SignupInput {
  email?: string;
  password?: string;
  country?: string;
  language?: string;
  marketing?: boolean;
  accepted_terms?: boolean;
}

/** A signup that passed every check, normalised. */
export interface ValidSignup {
  email: string;
  emailKey: string;
  password: string;
  country: string;
  language: string;
  marketing: boolean;
}

/** Minimum password length, in characters (code points). */
export const MIN_PASSWORD_LENGTH = 10;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function validLanguage(tag: string): boolean {
  if (!LANGUAGE.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * The signup checks, in the contract's order (the first failure answers):
 * `terms_required` → `invalid_email` (validator's `isEmail`, with a TLD) → `weak_password`
 * (≥ 10 characters, not in {@link BREACHED_PASSWORDS}) → `missing_profile` (ISO 3166-1
 * alpha-2 country from i18n-iso-countries, BCP 47 language that `Intl` accepts).
 *
 * @example
 * const valid = policy.check({ email, password, country: 'DE', language: 'de', accepted_terms: true });
 */
@Injectable()
export class SignupPolicy {
  check(input: SignupInput): ValidSignup {
    if (input.accepted_terms !== true) throw new TermsRequiredError();
    const email = (input.email ?? '').trim();
    if (email.length > 254 || !isEmail(email, { require_tld: true, allow_display_name: false, allow_ip_domain: false }))
      throw new InvalidEmailError();
    const password = input.password ?? '';
    if ([...password].length < MIN_PASSWORD_LENGTH) throw new WeakPasswordError('too_short');
    if (BREACHED_PASSWORDS.has(password.toLowerCase())) throw new WeakPasswordError('breached');
    const country = (input.country ?? '').trim().toUpperCase();
    const language = (input.language ?? '').trim();
    const missing = [
      ...(/^[A-Z]{2}$/.test(country) && countries.isValid(country) ? [] : ['country']),
      ...(validLanguage(language) ? [] : ['language']),
    ];
    if (missing.length > 0) throw new MissingProfileError(missing);
    return { email, emailKey: email.toLowerCase(), password, country, language, marketing: input.marketing ?? false };
  }
}
