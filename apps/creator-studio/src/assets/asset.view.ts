import type { ResponseBody } from '@mikasmissions/contracts-api';
import type { Asset } from './asset';

/** `GET /v1/creator/assets/{asset_id}`'s answer, as the contract types it. */
export type AssetView = ResponseBody<'getCreatorAsset', 200>;

/** The contract's view of an asset (snake_case; optional fields only when set). */
export function toAssetView(asset: Asset): AssetView {
  return {
    asset_id: asset.id,
    status: asset.status,
    source_url: asset.sourceUrl,
    uploader_id: asset.uploaderId,
    ...(asset.title === undefined ? {} : { title: asset.title }),
    ...(asset.summary === undefined ? {} : { summary: asset.summary }),
    ...(asset.showId === undefined ? {} : { show_id: asset.showId }),
    ...(asset.ageBand === undefined ? {} : { age_band: asset.ageBand }),
    learning_tags: [...asset.learningTags],
    last_error: asset.lastError ? { ...asset.lastError } : null,
    ...(asset.status === 'transcoding' && asset.progressPercent !== undefined ? { progress_percent: asset.progressPercent } : {}),
    created_at: asset.createdAt,
    updated_at: asset.updatedAt,
  };
}
