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
   * (`published`, `rejected`, `failed`) is left as it is.
   */
  abstract report(tenantId: string, id: string, report: AssetStageReport): Promise<Asset | null>;
}
