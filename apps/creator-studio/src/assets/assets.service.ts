import { Injectable } from '@nestjs/common';
import type { MediaUploadedPayload } from '@mikasmissions/contracts-events';
import { RequestContext } from '@mikasmissions/context';
import type { Asset } from './asset';
import { AssetNotFoundError } from './assets.errors';
import { AssetsRepository } from './assets.repository';
import type { ParsedUpload } from './dto/upload-asset.request';

/** An accepted upload: the 202 answer's fields and the `media.uploaded` payload it publishes. */
export interface QueuedUpload {
  asset_id: string;
  status: 'queued';
  event: MediaUploadedPayload;
}

/** Queues uploads and reads assets, within the caller's tenant. */
@Injectable()
export class AssetsService {
  constructor(
    private readonly assets: AssetsRepository,
    private readonly ctx: RequestContext,
  ) {}

  /** Stores the asset as `queued`; the controller's `@Publish` commits `media.uploaded` with it. */
  async upload(upload: ParsedUpload): Promise<QueuedUpload> {
    const asset = await this.assets.create({ tenantId: this.ctx.tenantId, ...upload });
    const event: MediaUploadedPayload = {
      episodeId: asset.id,
      assetId: asset.id,
      creatorId: asset.uploaderId,
      sourceUrl: asset.sourceUrl,
      ...(asset.title === undefined ? {} : { title: asset.title }),
      ...(asset.summary === undefined ? {} : { summary: asset.summary }),
      ...(asset.showId === undefined ? {} : { showId: asset.showId }),
      ...(asset.ageBand === undefined ? {} : { ageBand: asset.ageBand }),
      learningTags: [...asset.learningTags],
    };
    return { asset_id: asset.id, status: 'queued', event };
  }

  /** The asset, or 404 `asset_not_found` (unknown, malformed or another tenant's id). */
  async get(id: string): Promise<Asset> {
    const found = await this.assets.find(this.ctx.tenantId, id);
    if (!found) throw new AssetNotFoundError(id);
    return found;
  }
}
