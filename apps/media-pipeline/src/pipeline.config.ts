import { type ConfigSlice, defineConfigFragment, envBoolean, envPositiveInt } from '@mikasmissions/config';
import { z } from 'zod';

/** The stages this worker knows (policy lives in apps/moderation, not built yet). */
export const KNOWN_STAGES = ['ingest', 'transcode', 'publish'] as const;

/** One stage of the media pipeline. */
export type PipelineStage = (typeof KNOWN_STAGES)[number];

/**
 * The media-pipeline's variables: `MEDIA_PIPELINE_STAGES` (comma list of the stages this process
 * runs; default `ingest`; an unknown name fails the start-up), `MEDIA_STORE_DIR` (where fetched
 * sources are stored; default `.media-store`), `INGEST_MAX_BYTES` (size cap of a source; 2 GiB),
 * `INGEST_TIMEOUT_MS` (whole fetch; 120000), `INGEST_ALLOW_PRIVATE_SOURCES` (`true` only in dev
 * and tests: fetch from loopback/private/link-local addresses), `INGEST_MAX_DURATION_MS` (longest
 * accepted source; 3 h), `FFPROBE_PATH` (default: the `@ffprobe-installer/linux-x64` binary),
 * `FFMPEG_PATH` (default: the `@ffmpeg-installer/linux-x64` binary), `TRANSCODE_HEIGHTS` (the HLS
 * ladder, comma list of heights; default `720,360`), `TRANSCODE_SEGMENT_SECONDS` (4) and
 * `TRANSCODE_TIMEOUT_MS` (per ffmpeg run; 30 min), `TRANSCODE_PROGRESS_INTERVAL_MS` (least time between
 * two progress reports to creator-studio; 1000), `TRANSCODE_PARTIAL_STALE_MS` (a `.partial-*` output nothing
 * wrote to for this long is a dead transcode's and is removed when that episode's transcode starts; 60000).
 */
export const pipelineConfig = defineConfigFragment(
  'media-pipeline',
  z.object({
    MEDIA_PIPELINE_STAGES: z
      .string()
      .default('ingest')
      .transform((raw) =>
        raw
          .split(',')
          .map((stage) => stage.trim())
          .filter(Boolean),
      )
      .refine((stages) => stages.length > 0 && stages.every((stage) => (KNOWN_STAGES as readonly string[]).includes(stage)), {
        error: `expected a comma list of ${KNOWN_STAGES.join(', ')}`,
      })
      .transform((stages) => [...new Set(stages)] as PipelineStage[]),
    MEDIA_STORE_DIR: z.string().min(1).default('.media-store'),
    INGEST_MAX_BYTES: envPositiveInt().default(2 * 1024 * 1024 * 1024),
    INGEST_TIMEOUT_MS: envPositiveInt().default(120_000),
    INGEST_ALLOW_PRIVATE_SOURCES: envBoolean().default(false),
    INGEST_MAX_DURATION_MS: envPositiveInt().default(3 * 60 * 60 * 1000),
    FFPROBE_PATH: z.string().min(1).optional(),
    FFMPEG_PATH: z.string().min(1).optional(),
    TRANSCODE_HEIGHTS: z
      .string()
      .default('720,360')
      .transform((raw) => raw.split(',').map((height) => Number(height.trim())))
      .refine(
        (heights) =>
          heights.length > 0 && heights.every((height) => Number.isInteger(height) && height >= 16 && height <= 4320 && height % 2 === 0),
        {
          error: 'expected a comma list of even heights between 16 and 4320',
        },
      )
      .transform((heights) => [...new Set(heights)].sort((a, b) => b - a)),
    TRANSCODE_SEGMENT_SECONDS: envPositiveInt().default(4),
    TRANSCODE_TIMEOUT_MS: envPositiveInt().default(30 * 60 * 1000),
    TRANSCODE_PROGRESS_INTERVAL_MS: envPositiveInt().default(1_000),
    TRANSCODE_PARTIAL_STALE_MS: envPositiveInt().default(60_000),
  }),
);

/** The validated variables (`config.slice(pipelineConfig)`). */
export type PipelineEnv = ConfigSlice<typeof pipelineConfig>;
