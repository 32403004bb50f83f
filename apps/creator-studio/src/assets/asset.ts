/** Where an asset is in the pipeline (`in_review`: moderation queued it for an admin); `rejected` and `failed` are final, with `lastError`. */
export type AssetStatus =
  'queued' | 'ingested' | 'transcoding' | 'transcoded' | 'in_review' | 'approved' | 'published' | 'rejected' | 'failed';

/** An age band as the contract names it. */
export type AgeBand = '3-5' | '6-11' | '12-16';

/** The last error a stage reported for an asset. */
export interface AssetError {
  code: string;
  message: string;
  at: string;
}

/** What a creator asks to ingest (the upload's fields, parsed). */
export interface NewAsset {
  /** The id to store it under (a UUID; a direct upload names it before its file is placed). Default: a new UUIDv7. */
  id?: string;
  tenantId: string;
  sourceUrl: string;
  uploaderId: string;
  title?: string;
  summary?: string;
  showId?: string;
  ageBand?: AgeBand;
  learningTags: string[];
}

/** One asset, as stored and returned. */
export interface Asset extends NewAsset {
  id: string;
  status: AssetStatus;
  lastError: AssetError | null;
  /** How far the transcode is (0–100), while `status` is `transcoding`. */
  progressPercent?: number;
  createdAt: string;
  updatedAt: string;
}

/** A stage's report on an asset: its new status and, for a failure, the error. */
export interface AssetStageReport {
  status: AssetStatus;
  error?: { code: string; message: string };
}
