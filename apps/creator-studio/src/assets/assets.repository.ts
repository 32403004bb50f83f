import type { Asset, AssetStageReport, NewAsset } from './asset';

/** Port: where assets live. Adapters: memory, Postgres (plain SQL). */
export abstract class AssetsRepository {
  /** Stores the asset as `queued` and returns it with its id and times. */
  abstract create(asset: NewAsset): Promise<Asset>;
  /** The asset with this id in the tenant, or `null` (also for an id that is not a UUID). */
  abstract find(tenantId: string, id: string): Promise<Asset | null>;
  /**
   * Records a stage's report: the new status, and `lastError` (set by a report with an error,
   * kept otherwise). Returns the updated asset, or `null` for an unknown one. A final asset
   * (`published`, `rejected`, `failed`) is left as it is, and a status never moves back through
   * the stages (see `mayMoveTo`).
   */
  abstract report(tenantId: string, id: string, report: AssetStageReport): Promise<Asset | null>;
  /**
   * Records transcode progress: status `transcoding` with `progressPercent` (never lower than
   * before), only while the asset is `queued`, `ingested` or `transcoding` (a late report after
   * `transcoded` changes nothing). Returns the asset as it is then, or `null` for an unknown one.
   */
  abstract progress(tenantId: string, id: string, percent: number): Promise<Asset | null>;
}
