import { Body, Controller, Param, Put } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { Roles } from '@mikasmissions/service-identity';
import { AssetNotFoundError, UploadValidationError } from './assets.errors';
import { AssetsRepository } from './assets.repository';

/** What `PUT /internal/creator/assets/{asset_id}/progress` answers. */
export interface ProgressAnswer {
  asset_id: string;
  status: string;
  progress_percent: number | null;
}

/**
 * `PUT /internal/creator/assets/{asset_id}/progress {percent}` (service only): the transcode
 * stage's throttled progress; the asset shows `transcoding` with `progress_percent` (never
 * lower than before; a report after `transcoded` changes nothing). 400 `validation_failed` for a
 * percent that is not an integer 0–100; 404 `asset_not_found`.
 */
@Controller('internal/creator/assets')
@Roles('service')
export class InternalProgressController {
  constructor(
    private readonly assets: AssetsRepository,
    private readonly ctx: RequestContext,
  ) {}

  @Put(':asset_id/progress')
  async progress(@Param('asset_id') id: string, @Body() body: unknown): Promise<ProgressAnswer> {
    const percent = (body as { percent?: unknown } | null)?.percent;
    if (typeof percent !== 'number' || !Number.isInteger(percent) || percent < 0 || percent > 100)
      throw new UploadValidationError([{ path: 'percent', message: 'must be an integer from 0 to 100' }]);
    const asset = await this.assets.progress(this.ctx.tenantId, id, percent);
    if (!asset) throw new AssetNotFoundError(id);
    return {
      asset_id: asset.id,
      status: asset.status,
      progress_percent: asset.status === 'transcoding' ? (asset.progressPercent ?? null) : null,
    };
  }
}
