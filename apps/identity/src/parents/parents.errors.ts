import { PlatformError } from '@mikasmissions/http';

/** 400 `terms_required`: `accepted_terms` must be true. */
export class TermsRequiredError extends PlatformError {
  constructor() {
    super(400, 'terms_required', 'the terms must be accepted (accepted_terms: true)');
  }
}

/** 400 `invalid_email`: not a deliverable-looking email address. */
export class InvalidEmailError extends PlatformError {
  constructor() {
    super(400, 'invalid_email', 'email is not a valid email address');
  }
}

/** 400 `weak_password`: shorter than 10 characters or in the breached-password list. */
export class WeakPasswordError extends PlatformError {
  constructor(reason: 'too_short' | 'breached') {
    super(
      400,
      'weak_password',
      reason === 'too_short' ? 'password must have at least 10 characters' : 'password is too common (found in breached-password lists)',
      { reason },
    );
  }
}

/** 400 `missing_profile`: country (ISO 3166-1 alpha-2) or language (BCP 47) missing or unknown. */
export class MissingProfileError extends PlatformError {
  constructor(fields: string[]) {
    super(400, 'missing_profile', `a valid ${fields.join(' and ')} is required`, { fields });
  }
}

/** 409 `email_taken`: a parent with this email (any case) exists. */
export class EmailTakenError extends PlatformError {
  constructor() {
    super(409, 'email_taken', 'an account with this email already exists');
  }
}

/** 401 `invalid_credentials`: unknown email or wrong password (never says which). */
export class InvalidCredentialsError extends PlatformError {
  constructor() {
    super(401, 'invalid_credentials', 'email or password is wrong', undefined, { 'www-authenticate': 'Bearer' });
  }
}

/** 404 `parent_not_found`. */
export class ParentNotFoundError extends PlatformError {
  constructor() {
    super(404, 'parent_not_found', 'no parent with this id');
  }
}

/** 422 `consent_method_unavailable`: `card` without a configured payment verifier. */
export class ConsentMethodUnavailableError extends PlatformError {
  constructor(method: string) {
    super(422, 'consent_method_unavailable', `consent method ${method} is not available here`, { method });
  }
}

/** 404 `consent_request_not_found`: no such (or no open) consent request of this parent. */
export class ConsentRequestNotFoundError extends PlatformError {
  constructor() {
    super(404, 'consent_request_not_found', 'no open consent request of this parent');
  }
}

/** 403 `invalid_consent_challenge`: wrong code, used request, or no attempts left. */
export class InvalidConsentChallengeError extends PlatformError {
  constructor(attemptsLeft: number) {
    super(
      403,
      'invalid_consent_challenge',
      attemptsLeft > 0 ? 'the consent code is wrong' : 'the consent code is wrong or was used; request a new one',
      { attemptsLeft },
    );
  }
}

/** 403 `consent_request_expired`: the code's time ran out; request a new one. */
export class ConsentRequestExpiredError extends PlatformError {
  constructor() {
    super(403, 'consent_request_expired', 'the consent request has expired; request a new code');
  }
}
