import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { MediaUploaded, type MediaUploadedPayload } from '@mikasmissions/contracts-events';
import { Idempotency } from '@mikasmissions/idempotency';
import { Publish } from '@mikasmissions/messaging';
import { Serialize } from '@mikasmissions/serialize';
import { Roles } from '@mikasmissions/service-identity';
import { type AssetView, toAssetView } from './asset.view';
import { DirectUpload } from './direct-upload/direct-upload.decorator';
import { receivedUpload } from './direct-upload/direct-upload.stage';
import { type QueuedUpload, AssetsService } from './assets.service';

const queuedSchema = {
  title: 'CreatorUploadResponse',
  type: 'object',
  properties: { asset_id: { type: 'string' }, status: { type: 'string' } },
  required: ['asset_id', 'status'],
};

/** `POST /v1/creator/assets/upload` (from a URL), `POST /v1/creator/assets` (multipart) and `GET /v1/creator/assets/{asset_id}`. */
@Controller('creator/assets')
@Roles('service', 'creator')
export class AssetsController {
  constructor(private readonly assets: AssetsService) {}

  /** Queues an asset for ingest; `media.uploaded` commits in the same transaction as the row. */
  @Post('upload')
  @Idempotency()
  @HttpCode(202)
  @Publish(MediaUploaded, {
    map: (r: QueuedUpload): MediaUploadedPayload => r.event,
    aggregateId: (r: QueuedUpload) => r.asset_id,
  })
  @Serialize(queuedSchema)
  upload(@Body() body: unknown): Promise<QueuedUpload> {
    return this.assets.upload(body);
  }

  /** Stores a multipart video (`@DirectUpload`) and queues it like a URL upload. */
  @Post()
  @DirectUpload()
  @Idempotency()
  @HttpCode(202)
  @Publish(MediaUploaded, {
    map: (r: QueuedUpload): MediaUploadedPayload => r.event,
    aggregateId: (r: QueuedUpload) => r.asset_id,
  })
  @Serialize(queuedSchema)
  directUpload(@Req() req: object): Promise<QueuedUpload> {
    return this.assets.uploadFile(receivedUpload(req));
  }

  /** The asset's state through the stages, with its last error. */
  @Get(':asset_id')
  async get(@Param('asset_id') id: string): Promise<AssetView> {
    return toAssetView(await this.assets.get(id));
  }
}
