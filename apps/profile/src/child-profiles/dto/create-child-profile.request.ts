import type { RequestBody } from '@mikasmissions/contracts-api';
import type { ChildAgeBand } from '@mikasmissions/contracts-events';
import { AVATAR_IDS } from '../avatars';
import { AGE_BANDS, type NewChildProfile } from '../child-profile';
import { InvalidAgeBandError, InvalidAvatarError, InvalidChildProfileRequestError, MissingFieldsError } from '../child-profiles.errors';
import { checkDisplayName } from '../display-name';

/** The body of `POST /v1/children/profiles`, as the contract's generated type. */
export type CreateChildProfileBody = RequestBody<'createChildProfile'>;

const FIELDS = ['parent_user_id', 'display_name', 'age_band', 'avatar'] as const;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

const isBlank = (value: unknown): boolean => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/**
 * Parses the create body with the route's own codes, in this order: not an object, unknown
 * fields or wrong types → `validation_failed`; absent or blank fields → `missing_fields`;
 * then `invalid_age_band`, `invalid_avatar`, `invalid_display_name`. (The zod pipe would
 * answer `validation_failed` for all of them, so the route takes the raw body.)
 */
export function parseCreateChildProfile(body: unknown): NewChildProfile {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InvalidChildProfileRequestError([{ path: '', message: 'expected a JSON object' }]);
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).filter((key) => !(FIELDS as readonly string[]).includes(key));
  const wrongType = FIELDS.filter((key) => !isBlank(input[key]) && typeof input[key] !== 'string');
  const problems = [
    ...unknown.map((path) => ({ path, message: 'unknown field' })),
    ...wrongType.map((path) => ({ path, message: 'expected a string' })),
  ];
  if (problems.length > 0) throw new InvalidChildProfileRequestError(problems);
  const missing = FIELDS.filter((key) => isBlank(input[key]));
  if (missing.length > 0) throw new MissingFieldsError(missing);
  const req = input as CreateChildProfileBody;
  if (req.parent_user_id.length > 128 || !ID.test(req.parent_user_id))
    throw new InvalidChildProfileRequestError([{ path: 'parent_user_id', message: 'not an id' }]);
  if (!(AGE_BANDS as readonly string[]).includes(req.age_band)) throw new InvalidAgeBandError(AGE_BANDS);
  if (!AVATAR_IDS.includes(req.avatar)) throw new InvalidAvatarError(AVATAR_IDS);
  return {
    parentUserId: req.parent_user_id,
    displayName: checkDisplayName(req.display_name),
    ageBand: req.age_band as ChildAgeBand,
    avatar: req.avatar,
  };
}
