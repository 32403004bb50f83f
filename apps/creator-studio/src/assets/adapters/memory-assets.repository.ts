import { uuidv7 } from 'uuidv7';
import type { Asset, AssetStageReport, NewAsset } from '../asset';
import { AssetsRepository } from '../assets.repository';
import { BEFORE_TRANSCODED, mayMoveTo } from '../asset-status';

const copy = (asset: Asset): Asset => ({
  ...asset,
  learningTags: [...asset.learningTags],
  lastError: asset.lastError ? { ...asset.lastError } : null,
});

/** In-process store for dev:local and unit tests; same contract as the Postgres adapter. */
export class MemoryAssetsRepository extends AssetsRepository {
  private readonly rows = new Map<string, Asset>();

  async create(asset: NewAsset): Promise<Asset> {
    const now = new Date().toISOString();
    const stored: Asset = copy({ ...asset, id: asset.id ?? uuidv7(), status: 'queued', lastError: null, createdAt: now, updatedAt: now });
    this.rows.set(stored.id, stored);
    return copy(stored);
  }

  async find(tenantId: string, id: string): Promise<Asset | null> {
    const found = this.rows.get(id.toLowerCase());
    return found && found.tenantId === tenantId ? copy(found) : null;
  }

  async report(tenantId: string, id: string, report: AssetStageReport): Promise<Asset | null> {
    const found = this.rows.get(id.toLowerCase());
    if (!found || found.tenantId !== tenantId) return null;
    if (!mayMoveTo(found.status, report.status)) return copy(found);
    const now = new Date().toISOString();
    found.status = report.status;
    found.updatedAt = now;
    if (report.error) found.lastError = { ...report.error, at: now };
    return copy(found);
  }

  async progress(tenantId: string, id: string, percent: number): Promise<Asset | null> {
    const found = this.rows.get(id.toLowerCase());
    if (!found || found.tenantId !== tenantId) return null;
    if (!BEFORE_TRANSCODED.includes(found.status)) return copy(found);
    found.status = 'transcoding';
    found.progressPercent = Math.max(found.progressPercent ?? 0, percent);
    found.updatedAt = new Date().toISOString();
    return copy(found);
  }
}
