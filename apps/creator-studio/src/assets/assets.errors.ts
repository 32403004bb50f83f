import { PlatformError } from '@mikasmissions/http';

/** No asset with this id in the caller's tenant: 404 `asset_not_found`. */
export class AssetNotFoundError extends PlatformError {
  constructor(id: string) {
    super(404, 'asset_not_found', `no asset with id ${JSON.stringify(id.slice(0, 64))}`);
  }
}

/** An upload without one of its required fields: 400 `missing_fields` (`details.fields`). */
export class MissingFieldsError extends PlatformError {
  constructor(fields: string[]) {
    super(400, 'missing_fields', `missing required fields: ${fields.join(', ')}`, { fields });
  }
}

/** A `source_url` that is not an absolute http(s) URL: 400 `invalid_source_url`. */
export class InvalidSourceUrlError extends PlatformError {
  constructor() {
    super(400, 'invalid_source_url', 'source_url must be an absolute http:// or https:// URL (at most 2048 characters)');
  }
}

/** A body that is not the upload's shape (unknown field, malformed id, bad tag): 400 `validation_failed`. */
export class UploadValidationError extends PlatformError {
  constructor(problems: Array<{ path: string; message: string }>) {
    super(400, 'validation_failed', 'the upload is not valid', problems);
  }
}

/** A `creator` caller naming another `uploader_id` than its own subject: 403 `uploader_mismatch`. */
export class UploaderMismatchError extends PlatformError {
  constructor() {
    super(403, 'uploader_mismatch', 'a creator uploads only as itself: omit uploader_id or name your own id');
  }
}
