import { Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PipelineStage, PlatformError, type RouteInfo, type RouteStage, type RouteStepFn } from '@mikasmissions/http';
import type { IncomingMessage } from 'node:http';
import { rm } from 'node:fs/promises';
import { DirectUploadDecorator } from './direct-upload.decorator';
import { MediaStoreUnavailableError } from './direct-upload.errors';
import { type MultipartFields, type ReceivedFile, readVideoUpload } from './multipart-reader';
import { SourceStore } from './source-store';

/** A received upload as the handler reads it: the text fields, the stored file, and where it was placed. */
export interface ReceivedUpload {
  fields: MultipartFields;
  file: ReceivedFile;
  /** Set by whoever moved the file to an asset's source key; removed again if the request fails. */
  assetId?: string;
}

const received = new WeakMap<object, ReceivedUpload>();

/** The upload the `upload` stage received for this request (`@Req()`); throws on a route without `@DirectUpload`. */
export function receivedUpload(req: object): ReceivedUpload {
  const upload = received.get(req);
  if (!upload) throw new Error('receivedUpload: this route has no @DirectUpload()');
  return upload;
}

/**
 * Stage `upload` for routes with `@DirectUpload()`: reads the multipart body
 * ({@link readVideoUpload}, `CREATOR_UPLOAD_MAX_BYTES`) into the media store's `incoming/`,
 * sets `req.body` for the inner stages (`@Idempotency` fingerprints the fields and the file's
 * SHA-256), and afterwards removes the incoming file (a replay or a refusal keeps nothing) and,
 * when the request failed after the file was placed, the asset's source.
 */
@PipelineStage({ kind: 'step', name: 'upload' })
@Injectable()
export class DirectUploadStage implements RouteStage<RouteStepFn> {
  private readonly logger = new Logger('DirectUpload');

  constructor(
    private readonly reflector: Reflector,
    private readonly store: SourceStore,
  ) {}

  plan(route: RouteInfo): RouteStepFn | undefined {
    if (!this.reflector.get(DirectUploadDecorator, route.handler)) return undefined;
    return async ({ req }, next) => {
      const raw = ((req as { raw?: IncomingMessage }).raw ?? req) as IncomingMessage;
      const path = await this.store.incomingPath().catch((error: unknown) => {
        this.logger.error(`media store not writable: ${(error as Error).message}`);
        throw new MediaStoreUnavailableError();
      });
      let upload: ReceivedUpload | undefined;
      try {
        const { fields, file } = await readVideoUpload(raw, path, { maxFileBytes: this.store.maxBytes }).catch((error: unknown) => {
          if (error instanceof PlatformError) throw error;
          this.logger.error(`storing an upload failed: ${(error as Error).message}`);
          throw new MediaStoreUnavailableError();
        });
        upload = { fields, file };
        received.set(req, upload);
        req.body = { ...fields, file: { sha256: file.sha256, size_bytes: file.sizeBytes, content_type: file.contentType } };
        return await next();
      } catch (error) {
        if (upload?.assetId) await this.store.removeSource(upload.assetId);
        throw error;
      } finally {
        await rm(path, { force: true });
      }
    };
  }
}
