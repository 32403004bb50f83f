import { Reflector } from '@nestjs/core';
import { declareStageDecorator } from '@mikasmissions/http';

/** The metadata key of {@link DirectUpload}. */
export const DirectUploadDecorator = Reflector.createDecorator<true>();

declareStageDecorator({ kind: 'step', name: 'upload' }, DirectUploadDecorator.KEY, '@DirectUpload', 'AssetsModule (DirectUploadStage)');

/**
 * Marks a route whose body is a multipart video upload: the `upload` stage (outermost step,
 * after the guards) streams the `file` part into the media store's `incoming/` and sets
 * `req.body` to the text fields plus `file: {sha256, size_bytes, content_type}`, so
 * `@Idempotency` fingerprints the file too. Read the stored file with {@link receivedUpload}.
 * The module must also declare the path with `@AcceptsMultipart`.
 *
 * @example
 * @Post()
 * @DirectUpload()
 * @Idempotency()
 * upload(@Req() req: object) { return this.assets.uploadFile(receivedUpload(req)); }
 */
export const DirectUpload = (): MethodDecorator => DirectUploadDecorator(true);
