import { Injectable, Logger } from '@nestjs/common';
import { CacheService } from '@mikasmissions/cache';
import { isAgeBand, type AgeBand } from './age-band';
import { decodeCursor, encodeCursor } from './episode-cursor';
import type { Episode, EpisodeInput, UpsertResult } from './episode';
import { EpisodeNotFoundError, InvalidAgeBandError, InvalidLimitError } from './episodes.errors';
import { EpisodesRepository } from './episodes.repository';

/** The largest page of `GET /internal/catalog/episodes`. */
export const MAX_PAGE = 100;
/** The page size when `limit` is not given. */
export const DEFAULT_PAGE = 20;

/** Cache policy of episode reads: fresh 30 s, then served stale for 5 min while one refresh runs. */
export const EPISODE_CACHE = { ttlMs: 30_000, swrMs: 300_000 } as const;

/**
 * Delay of the second invalidation after a change: a cache fill that read the old row before
 * the write but stored it after the first invalidation is removed by the second one.
 */
export const REINVALIDATE_AFTER_MS = 1_000;

/** The cache tag of everything that shows one episode (its reads and every listing). */
export const episodeTag = (episodeId: string): string => `catalog:episode:${episodeId}`;
/** The cache tag of every listing page. */
export const LISTINGS_TAG = 'catalog:episodes';

/** A page of published episodes and the opaque cursor of the next page (`null` on the last one). */
export interface EpisodePage {
  episodes: Episode[];
  nextCursor: string | null;
}

/** The raw listing query, as the route receives it. */
export interface ListRequest {
  age_band?: string;
  max_age_band?: string;
  limit?: string;
  cursor?: string;
}

function parseLimit(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_PAGE;
  if (!/^[0-9]{1,4}$/.test(raw)) throw new InvalidLimitError(MAX_PAGE);
  const limit = Number(raw);
  if (limit < 1 || limit > MAX_PAGE) throw new InvalidLimitError(MAX_PAGE);
  return limit;
}

function parseBand(raw: string | undefined, field: string): AgeBand | undefined {
  if (raw === undefined) return undefined;
  if (!isAgeBand(raw)) throw new InvalidAgeBandError(field);
  return raw;
}

/**
 * Reads and writes the catalog. Published reads go through the SWR cache (one repository call
 * per key, whatever the concurrency); every accepted change invalidates the episode's tag and
 * the listings, so the next read sees it.
 */
@Injectable()
export class EpisodesService {
  private readonly logger = new Logger('Episodes');

  constructor(
    private readonly episodes: EpisodesRepository,
    private readonly cache: CacheService,
  ) {}

  /**
   * The published episode, cached and shared by every caller; else 404 `episode_not_found`.
   * Misses are not cached (errors never are), so an episode published a moment ago is read at once.
   */
  async getPublished(episodeId: string): Promise<Episode> {
    const key = this.cache.scopedKey(`catalog:published:${episodeId}`, 'global');
    const load = async () => {
      const found = await this.episodes.find(episodeId);
      if (!found || found.publishedAt === null) throw new EpisodeNotFoundError(episodeId);
      return JSON.stringify(found);
    };
    const { entry } = await this.cache.fetch(key, { ...EPISODE_CACHE, tags: [episodeTag(episodeId)] }, load);
    return JSON.parse(entry.body) as Episode;
  }

  /** The episode in any state (service callers), else 404 `episode_not_found`. */
  async getAny(episodeId: string): Promise<Episode> {
    const found = await this.episodes.find(episodeId);
    if (!found) throw new EpisodeNotFoundError(episodeId);
    return found;
  }

  /** One page of published episodes, newest first; 400 `invalid_limit`, `invalid_age_band`, `invalid_cursor`. */
  async list(request: ListRequest): Promise<EpisodePage> {
    const limit = parseLimit(request.limit);
    const ageBand = parseBand(request.age_band, 'age_band');
    const maxAgeBand = parseBand(request.max_age_band, 'max_age_band');
    const after = request.cursor === undefined ? undefined : decodeCursor(request.cursor);
    const rows = await this.episodes.listPublished({ ageBand, maxAgeBand, after, limit: limit + 1 });
    const episodes = rows.slice(0, limit);
    const last = episodes[episodes.length - 1];
    const more = rows.length > limit && last?.publishedAt;
    return { episodes, nextCursor: more ? encodeCursor({ publishedAt: last.publishedAt as string, episodeId: last.episodeId }) : null };
  }

  /** Stores the episode (idempotent by id); a change invalidates its cached reads and the listings. */
  async upsert(input: EpisodeInput): Promise<UpsertResult> {
    const result = await this.episodes.upsert(input);
    if (result.changed) await this.invalidate(input.episodeId);
    return result;
  }

  /**
   * Drops the episode's cached reads and the listings now and once more after
   * {@link REINVALIDATE_AFTER_MS}. A cache store failure does not undo the write: it is logged,
   * and entries the store kept expire on their own.
   */
  private async invalidate(episodeId: string): Promise<void> {
    const drop = () =>
      Promise.all([this.cache.invalidateTag(episodeTag(episodeId)), this.cache.invalidateTag(LISTINGS_TAG)]).catch((error: unknown) =>
        this.logger.warn(`cache invalidation of ${episodeId} failed; cached reads expire on their own: ${(error as Error).message}`),
      );
    await drop();
    setTimeout(() => void drop(), REINVALIDATE_AFTER_MS).unref();
  }
}
