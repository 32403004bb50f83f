import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { IngestRejection } from './ingest.errors';

/** The scheme of a `media.uploaded` `sourceUrl` naming a file creator-studio stored already. */
export const MEDIA_STORE_SCHEME = 'media-store:';

/** Whether `sourceUrl` is a media store reference (not fetched) rather than an http(s) URL. */
export function isStoreReference(sourceUrl: string): boolean {
  return sourceUrl.startsWith(MEDIA_STORE_SCHEME);
}

/**
 * Checks a direct upload's source in the media store, without a fetch: the reference must be
 * exactly `media-store:sources/<assetId>/source` (an asset reads only its own key; no other
 * path is ever opened, so it cannot reach outside the store), the file must exist, be
 * non-empty and at most `maxBytes`. Refusals throw {@link IngestRejection}.
 */
export async function checkStoredSource(
  sourceUrl: string,
  assetId: string,
  storeDir: string,
  maxBytes: number,
): Promise<{ sizeBytes: number }> {
  if (sourceUrl !== `${MEDIA_STORE_SCHEME}sources/${assetId}/source`)
    throw new IngestRejection('invalid_source_url', "a media-store source must be this asset's own key, sources/<asset>/source");
  const found = await stat(join(storeDir, 'sources', assetId, 'source')).catch(() => null);
  if (!found?.isFile()) throw new IngestRejection('source_missing', 'the uploaded file is not in the media store');
  if (found.size === 0) throw new IngestRejection('source_empty', 'the uploaded file is empty');
  if (found.size > maxBytes) throw new IngestRejection('source_too_large', `the source is larger than ${maxBytes} bytes`);
  return { sizeBytes: found.size };
}
