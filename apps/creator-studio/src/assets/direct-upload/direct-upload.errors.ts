import { PlatformError } from '@mikasmissions/http';

/** The file (or the whole body) is larger than `CREATOR_UPLOAD_MAX_BYTES`: 413 `payload_too_large`. */
export class UploadTooLargeError extends PlatformError {
  constructor(maxBytes: number) {
    super(413, 'payload_too_large', `the file is larger than ${maxBytes} bytes`, { max_bytes: maxBytes });
  }
}

/** Not multipart, a part that is not `video/*`, or bytes that are not a video container: 415 `unsupported_media_type`. */
export class UnsupportedUploadTypeError extends PlatformError {
  constructor(message: string) {
    super(415, 'unsupported_media_type', message);
  }
}

/** A multipart body without its `file` part: 400 `missing_file`. */
export class MissingFileError extends PlatformError {
  constructor() {
    super(400, 'missing_file', 'the multipart body has no "file" part');
  }
}

/** A multipart body busboy cannot read, or over its part limits: 400 `malformed_multipart`. */
export class MalformedMultipartError extends PlatformError {
  constructor(message: string) {
    super(400, 'malformed_multipart', message);
  }
}

/** The media store cannot be written: 503 `store_unavailable` with `Retry-After`. */
export class MediaStoreUnavailableError extends PlatformError {
  constructor() {
    super(503, 'store_unavailable', 'the media store is not available; retry later', undefined, { 'retry-after': '5' });
  }
}
