import type { RequestBody } from '@mikasmissions/contracts-api';
import type { AgeBand, NewAsset } from '../asset';
import { InvalidSourceUrlError, MissingFieldsError, UploaderMismatchError, UploadValidationError } from '../assets.errors';

/** The body of `POST /v1/creator/assets/upload`, as the contract types it. */
export type UploadAssetRequest = RequestBody<'creatorUpload'>;

/** A parsed upload: the contract's body in the service's names, without the tenant. */
export type ParsedUpload = Omit<NewAsset, 'tenantId'>;

const KNOWN = ['source_url', 'uploader_id', 'title', 'summary', 'show_id', 'age_band', 'learning_tags'];
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const AGE_BANDS: readonly AgeBand[] = ['3-5', '6-11', '12-16'];

type Problem = { path: string; message: string };

const isId = (value: unknown): boolean => typeof value === 'string' && value.length <= 128 && ID.test(value);

/** `true` for an absolute http(s) URL with a host, at most 2048 characters. */
export function isHttpUrl(value: string): boolean {
  if (value.length > 2048) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function optionalText(input: Record<string, unknown>, field: string, max: number, problems: Problem[]): string | undefined {
  const value = input[field];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > max)
    problems.push({ path: field, message: `must be a string of at most ${max} characters` });
  return typeof value === 'string' ? value : undefined;
}

function learningTags(value: unknown, problems: Problem[]): string[] {
  if (value === undefined) return [];
  const ok =
    Array.isArray(value) && value.length <= 20 && value.every((tag) => typeof tag === 'string' && tag.length >= 1 && tag.length <= 40);
  if (!ok) problems.push({ path: 'learning_tags', message: 'must be at most 20 strings of 1 to 40 characters' });
  return ok ? [...new Set(value as string[])] : [];
}

type Fields = Omit<ParsedUpload, 'sourceUrl'>;

/**
 * Who the upload is for: a `creator` caller is `bound` to its own subject (it may omit
 * `uploader_id`, which is then filled from it, and naming anyone else is 403
 * `uploader_mismatch`); without `bound` (a `service` caller) `uploader_id` is required.
 */
export interface UploaderBinding {
  bound?: string;
}

const requiredFields = (binding: UploaderBinding): string[] =>
  binding.bound === undefined ? ['source_url', 'uploader_id'] : ['source_url'];

/** The fields both uploads share (all but the source), checked into `problems`; `uploader_id` defaults to the bound subject. */
function sharedFields(input: Record<string, unknown>, problems: Problem[], binding: UploaderBinding): Fields {
  for (const field of ['uploader_id', 'show_id'])
    if (input[field] !== undefined && !isId(input[field]))
      problems.push({ path: field, message: 'must be an id (letters, digits, _ . : -; at most 128)' });
  const title = optionalText(input, 'title', 200, problems);
  const summary = optionalText(input, 'summary', 2000, problems);
  if (input.age_band !== undefined && !AGE_BANDS.includes(input.age_band as AgeBand))
    problems.push({ path: 'age_band', message: `must be one of ${AGE_BANDS.join(', ')}` });
  const tags = learningTags(input.learning_tags, problems);
  return {
    uploaderId: (input.uploader_id ?? binding.bound) as string,
    ...(title === undefined ? {} : { title }),
    ...(summary === undefined ? {} : { summary }),
    ...(input.show_id === undefined ? {} : { showId: input.show_id as string }),
    ...(input.age_band === undefined ? {} : { ageBand: input.age_band as AgeBand }),
    learningTags: tags,
  };
}

const isMissing = (input: Record<string, unknown>, field: string) =>
  input[field] === undefined || input[field] === null || input[field] === '';

/** A valid upload naming an uploader other than the bound creator: 403 `uploader_mismatch`. */
function checkBinding(fields: Fields, binding: UploaderBinding): Fields {
  if (binding.bound !== undefined && fields.uploaderId !== binding.bound) throw new UploaderMismatchError();
  return fields;
}

/**
 * Checks an upload in the order a client can act on: the shape (400 `validation_failed`),
 * missing fields (400 `missing_fields`; `uploader_id` only without a bound creator),
 * `source_url` (400 `invalid_source_url`: http(s) only), the optional fields and ids (400
 * `validation_failed`), then the uploader against the binding (403 `uploader_mismatch`).
 *
 * @example
 * parseUpload({ source_url: 'https://cdn.example/clip.mp4' }, { bound: 'creator-1' }).uploaderId // 'creator-1'
 */
export function parseUpload(body: unknown, binding: UploaderBinding = {}): ParsedUpload {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new UploadValidationError([{ path: '', message: 'expected a JSON object' }]);
  const input = body as Record<string, unknown>;
  const missing = requiredFields(binding).filter((field) => isMissing(input, field));
  if (missing.length > 0) throw new MissingFieldsError([...missing]);
  const unknown = Object.keys(input).filter((key) => !KNOWN.includes(key));
  if (unknown.length > 0) throw new UploadValidationError(unknown.map((key) => ({ path: key, message: 'unknown field' })));
  if (typeof input.source_url !== 'string' || !isHttpUrl(input.source_url)) throw new InvalidSourceUrlError();
  const problems: Problem[] = [];
  const fields = sharedFields(input, problems, binding);
  if (problems.length > 0) throw new UploadValidationError(problems);
  return { sourceUrl: input.source_url, ...checkBinding(fields, binding) };
}

/**
 * Checks a direct upload's text parts (every value a string; `learning_tags` may repeat, every
 * other field once): missing `uploader_id` without a bound creator (400 `missing_fields`),
 * unknown or repeated fields and the same rules as {@link parseUpload} (400
 * `validation_failed`), then the binding (403 `uploader_mismatch`). The source comes from the
 * stored file, not from a field.
 *
 * @example
 * parseDirectUploadFields({ uploader_id: 'creator-1', learning_tags: ['math', 'space'] })
 */
export function parseDirectUploadFields(fields: Record<string, string | string[]>, binding: UploaderBinding = {}): Fields {
  if (binding.bound === undefined && isMissing(fields, 'uploader_id')) throw new MissingFieldsError(['uploader_id']);
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'source_url' || !KNOWN.includes(key)) problems.push({ path: key, message: 'unknown field' });
    else if (Array.isArray(value) && key !== 'learning_tags') problems.push({ path: key, message: 'must be given once' });
  }
  if (problems.length > 0) throw new UploadValidationError(problems);
  const tags = fields.learning_tags;
  const input = { ...fields, ...(tags === undefined ? {} : { learning_tags: Array.isArray(tags) ? tags : [tags] }) };
  const parsed = sharedFields(input, problems, binding);
  if (problems.length > 0) throw new UploadValidationError(problems);
  return checkBinding(parsed, binding);
}
