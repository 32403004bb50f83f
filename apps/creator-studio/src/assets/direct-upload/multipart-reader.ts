import busboy from 'busboy';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { MalformedMultipartError, MissingFileError, UnsupportedUploadTypeError, UploadTooLargeError } from './direct-upload.errors';
import { SNIFF_BYTES, sniffVideoContainer, type VideoContainer } from './video-signature';

/** The text parts of a multipart body; a repeated name becomes a list. */
export type MultipartFields = Record<string, string | string[]>;

/** What {@link readVideoUpload} stored. */
export interface ReceivedFile {
  /** Where the bytes are (the `destination` given). */
  path: string;
  sizeBytes: number;
  sha256: string;
  /** The part's declared type (`video/*`). */
  contentType: string;
  container: VideoContainer;
}

/** Limits of one multipart body. */
export interface MultipartLimits {
  maxFileBytes: number;
}

const FIELD_LIMITS = { fields: 30, fieldSize: 4096, parts: 40, files: 1 };

/** Reads the rest of a request and drops it, so an early refusal still gets its answer to the client. */
function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    req.once('end', resolve);
    req.once('close', resolve);
    req.resume();
  });
}

/**
 * Streams a `multipart/form-data` request with busboy: the one `file` part to `destination`
 * (SHA-256 and size counted on the way, at most `maxFileBytes`; its declared type must be
 * `video/*` and its first bytes a video container, see {@link sniffVideoContainer}), the text
 * parts into fields. Refusals: 413 {@link UploadTooLargeError}, 415
 * {@link UnsupportedUploadTypeError}, 400 {@link MissingFileError} / {@link MalformedMultipartError};
 * after one the rest of the body is read and dropped, and whatever reached `destination` is
 * the caller's to remove.
 */
export async function readVideoUpload(
  req: IncomingMessage,
  destination: string,
  limits: MultipartLimits,
): Promise<{ fields: MultipartFields; file: ReceivedFile }> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limits.maxFileBytes + 1024 * 1024) {
    await drain(req);
    throw new UploadTooLargeError(limits.maxFileBytes);
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: req.headers, limits: { ...FIELD_LIMITS, fileSize: limits.maxFileBytes } });
  } catch (error) {
    throw new UnsupportedUploadTypeError(`expected a multipart/form-data body (${(error as Error).message})`);
  }
  const fields: MultipartFields = {};
  let stored: Promise<ReceivedFile> | undefined;
  const done = new Promise<void>((resolve, reject) => {
    const fail = (error: Error) => {
      req.unpipe(parser);
      reject(error);
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated)
        return fail(new MalformedMultipartError(`field "${name.slice(0, 40)}" is longer than ${FIELD_LIMITS.fieldSize} bytes`));
      const seen = fields[name];
      fields[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') {
        stream.resume();
        return fail(new MalformedMultipartError(`unexpected file part "${name.slice(0, 40)}" (only "file")`));
      }
      if (!/^video\/[\w.+-]+$/i.test(info.mimeType)) {
        stream.resume();
        return fail(new UnsupportedUploadTypeError(`the file must be video/*, got "${info.mimeType.slice(0, 60)}"`));
      }
      stored = storeFile(stream, destination, info.mimeType.toLowerCase(), limits.maxFileBytes);
      stored.catch(fail);
    });
    for (const event of ['partsLimit', 'filesLimit', 'fieldsLimit'])
      parser.on(event, () =>
        fail(new MalformedMultipartError(`too many parts (at most ${FIELD_LIMITS.files} file and ${FIELD_LIMITS.fields} fields)`)),
      );
    parser.on('error', (error: Error) => fail(new MalformedMultipartError(`the multipart body cannot be read (${error.message})`)));
    parser.on('close', resolve);
    req.on('error', (error) => fail(new MalformedMultipartError(`the upload was interrupted (${error.message})`)));
  });
  req.pipe(parser);
  try {
    await done;
    if (!stored) throw new MissingFileError();
    return { fields, file: await stored };
  } catch (error) {
    await drain(req);
    throw error;
  }
}

async function storeFile(
  stream: NodeJS.ReadableStream & { truncated?: boolean },
  destination: string,
  contentType: string,
  maxBytes: number,
): Promise<ReceivedFile> {
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  let checked = false;
  const check = () => {
    checked = true;
    if (!sniffVideoContainer(head))
      throw new UnsupportedUploadTypeError("the file's bytes are not a video container (mp4, mov, webm, mkv, avi, ts, mpeg, flv, ogg)");
  };
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      size += chunk.length;
      hash.update(chunk);
      try {
        if (!checked) {
          head = Buffer.concat([head, chunk]).subarray(0, SNIFF_BYTES);
          if (head.length >= SNIFF_BYTES) check();
        }
        next(null, chunk);
      } catch (error) {
        next(error as Error);
      }
    },
    flush(next) {
      try {
        if (size === 0) throw new UnsupportedUploadTypeError('the file is empty');
        if (!checked) check();
        next();
      } catch (error) {
        next(error as Error);
      }
    },
  });
  await pipeline(stream, tap, createWriteStream(destination));
  if (stream.truncated) throw new UploadTooLargeError(maxBytes);
  return {
    path: destination,
    sizeBytes: size,
    sha256: hash.digest('hex'),
    contentType,
    container: sniffVideoContainer(head) as VideoContainer,
  };
}
