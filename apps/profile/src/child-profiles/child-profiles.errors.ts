import { PlatformError } from '@mikasmissions/http';

/** Required fields are absent or empty: 400 `missing_fields` (`details.fields`). */
export class MissingFieldsError extends PlatformError {
  constructor(fields: string[]) {
    super(400, 'missing_fields', `missing required fields: ${fields.join(', ')}`, { fields });
  }
}

/** `age_band` is not one of the contract's bands: 400 `invalid_age_band`. */
export class InvalidAgeBandError extends PlatformError {
  constructor(allowed: readonly string[]) {
    super(400, 'invalid_age_band', `age_band must be one of ${allowed.join(', ')}`, { allowed });
  }
}

/** `avatar` is not one of the fixed avatar ids: 400 `invalid_avatar`. */
export class InvalidAvatarError extends PlatformError {
  constructor(allowed: readonly string[]) {
    super(400, 'invalid_avatar', `avatar must be one of ${allowed.join(', ')}`, { allowed });
  }
}

/** The display name is too long, has control characters, or looks like an email or a phone number: 400 `invalid_display_name`. */
export class InvalidDisplayNameError extends PlatformError {
  constructor(reason: 'too_long' | 'email' | 'phone' | 'characters') {
    super(
      400,
      'invalid_display_name',
      'display_name must be a first name or nickname of at most 40 characters, never an email or a phone number',
      { reason },
    );
  }
}

/** The parent has not verified consent yet: 403 `consent_required`. */
export class ConsentRequiredError extends PlatformError {
  constructor() {
    super(403, 'consent_required', 'verify parental consent before creating a child profile');
  }
}

/** Identity knows no such parent: 404 `parent_not_found`. */
export class ParentNotFoundError extends PlatformError {
  constructor() {
    super(404, 'parent_not_found', 'no parent account with this parent_user_id');
  }
}

/** No child profile with this id (for this parent): 404 `child_profile_not_found`. */
export class ChildProfileNotFoundError extends PlatformError {
  constructor(id: string) {
    super(404, 'child_profile_not_found', `no child profile with id ${JSON.stringify(id.slice(0, 64))}`);
  }
}

/** The body is not an object of the contract's fields and types: 400 `validation_failed` (`details` names the fields). */
export class InvalidChildProfileRequestError extends PlatformError {
  constructor(details: Array<{ path: string; message: string }>) {
    super(400, 'validation_failed', 'Request validation failed', details);
  }
}
