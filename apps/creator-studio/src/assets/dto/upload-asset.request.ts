import type { RequestBody } from '@mikasmissions/contracts-api';
import type { AgeBand, NewAsset } from '../asset';
import { InvalidSourceUrlError, MissingFieldsError, UploadValidationError } from '../assets.errors';

/** The body of `POST /v1/creator/assets/upload`, as the contract types it. */
export type UploadAssetRequest = RequestBody<'creatorUpload'>;

/** A parsed upload: the contract's body in the service's names, without the tenant. */
export type ParsedUpload = Omit<NewAsset, 'tenantId'>;

const REQUIRED = ['source_url', 'uploader_id'] as const;
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

/** The fields both uploads share (all but the source), checked into `problems`. */
function sharedFields(input: Record<string, unknown>, problems: Problem[]): Fields {
  for (const field of ['uploader_id', 'show_id'])
    if ((field === 'uploader_id' || input[field] !== undefined) && !isId(input[field]))
      problems.push({ path: field, message: 'must be an id (letters, digits, _ . : -; at most 128)' });
  const title = optionalText(input, 'title', 200, problems);
  const summary = optionalText(input, 'summary', 2000, problems);
  if (input.age_band !== undefined && !AGE_BANDS.includes(input.age_band as AgeBand))
    problems.push({ path: 'age_band', message: `must be one of ${AGE_BANDS.join(', ')}` });
  const tags = learningTags(input.learning_tags, problems);
  return {
    uploaderId: input.uploader_id as string,
    ...(title === undefined ? {} : { title }),
    ...(summary === undefined ? {} : { summary }),
    ...(input.show_id === undefined ? {} : { showId: input.show_id as string }),
    ...(input.age_band === undefined ? {} : { ageBand: input.age_band as AgeBand }),
    learningTags: tags,
  };
}

const isMissing = (input: Record<string, unknown>, field: string) =>
  input[field] === undefined || input[field] === null || input[field] === '';

/**
 * Checks an upload in the order a client can act on: the shape (400 `validation_failed`),
 * missing fields (400 `missing_fields`), `source_url` (400 `invalid_source_url`: http(s)
 * only), then the optional fields and ids (400 `validation_failed`).
 *
 * @example
 * parseUpload({ source_url: 'https://cdn.example/clip.mp4', uploader_id: 'creator-1' })
 */
export function parseUpload(body: unknown): ParsedUpload {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new UploadValidationError([{ path: '', message: 'expected a JSON object' }]);
  const input = body as Record<string, unknown>;
  const missing = REQUIRED.filter((field) => isMissing(input, field));
  if (missing.length > 0) throw new MissingFieldsError([...missing]);
  const unknown = Object.keys(input).filter((key) => !KNOWN.includes(key));
  if (unknown.length > 0) throw new UploadValidationError(unknown.map((key) => ({ path: key, message: 'unknown field' })));
  if (typeof input.source_url !== 'string' || !isHttpUrl(input.source_url)) throw new InvalidSourceUrlError();
  const problems: Problem[] = [];
  const fields = sharedFields(input, problems);
  if (problems.length > 0) throw new UploadValidationError(problems);
  return { sourceUrl: input.source_url, ...fields };
}

/**
 * Checks a direct upload's text parts (every value a string; `learning_tags` may repeat, every
 * other field once): missing `uploader_id` (400 `missing_fields`), unknown or repeated fields
 * and the same rules as {@link parseUpload} (400 `validation_failed`). The source comes from
 * the stored file, not from a field.
 *
 * @example
 * parseDirectUploadFields({ uploader_id: 'creator-1', learning_tags: ['math', 'space'] })
 */
export function parseDirectUploadFields(fields: Record<string, string | string[]>): Fields {
  if (isMissing(fields, 'uploader_id')) throw new MissingFieldsError(['uploader_id']);
  const problems: Problem[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (key === 'source_url' || !KNOWN.includes(key)) problems.push({ path: key, message: 'unknown field' });
    else if (Array.isArray(value) && key !== 'learning_tags') problems.push({ path: key, message: 'must be given once' });
  }
  if (problems.length > 0) throw new UploadValidationError(problems);
  const tags = fields.learning_tags;
  const input = { ...fields, ...(tags === undefined ? {} : { learning_tags: Array.isArray(tags) ? tags : [tags] }) };
  const parsed = sharedFields(input, problems);
  if (problems.length > 0) throw new UploadValidationError(problems);
  return parsed;
}
