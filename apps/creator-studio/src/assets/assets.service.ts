import { Injectable } from '@nestjs/common';
import type { MediaUploadedPayload } from '@mikasmissions/contracts-events';
import { RequestContext } from '@mikasmissions/context';
import type { Asset } from './asset';
import { AssetNotFoundError } from './assets.errors';
import { AssetsRepository } from './assets.repository';
import type { ReceivedUpload } from './direct-upload/direct-upload.stage';
import { SourceStore } from './direct-upload/source-store';
import { parseDirectUploadFields, parseUpload, type UploaderBinding } from './dto/upload-asset.request';
import { uuidv7 } from 'uuidv7';

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
    private readonly store: SourceStore,
  ) {}

  /** Checks the body ({@link parseUpload}) and stores the asset as `queued`; the controller's `@Publish` commits `media.uploaded` with it. */
  async upload(body: unknown): Promise<QueuedUpload> {
    const upload = parseUpload(body, this.binding());
    return this.queue(await this.assets.create({ tenantId: this.ctx.tenantId, ...upload }));
  }

  /**
   * Queues a direct upload: its fields are checked, the received file is moved to
   * `sources/<asset>/source` and the asset stored with `sourceUrl` `media-store:sources/<asset>/source`
   * (the `upload` stage removes the file again if the request fails after this).
   */
  async uploadFile(received: ReceivedUpload): Promise<QueuedUpload> {
    const fields = parseDirectUploadFields(received.fields, this.binding());
    const id = uuidv7();
    received.assetId = id;
    const sourceUrl = await this.store.place(received.file.path, id);
    return this.queue(await this.assets.create({ id, tenantId: this.ctx.tenantId, sourceUrl, ...fields }), received.file.contentType);
  }

  /** A `creator` caller uploads only as its own subject; a `service` caller names the uploader. */
  private binding(): UploaderBinding {
    const principal = this.ctx.principal;
    if (principal?.role !== 'creator') return {};
    const subject = principal.claims?.subject;
    return { bound: typeof subject === 'string' && subject !== '' ? subject : principal.userId };
  }

  private queue(asset: Asset, contentType?: string): QueuedUpload {
    const event: MediaUploadedPayload = {
      episodeId: asset.id,
      assetId: asset.id,
      creatorId: asset.uploaderId,
      sourceUrl: asset.sourceUrl,
      ...(contentType === undefined ? {} : { contentType }),
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
