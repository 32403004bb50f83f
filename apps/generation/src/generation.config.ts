import { type ConfigSlice, defineConfigFragment, envPositiveInt } from '@mikasmissions/config';
import { z } from 'zod';

/**
 * The generation worker's variables: the provider call's backoff (`GENERATION_RETRY_BASE_MS`
 * 200, `GENERATION_RETRY_MAX_MS` 5000; timeout and retry count come from the model profile),
 * the breaker per provider (`GENERATION_BREAKER_MIN_CALLS` 3 calls in
 * `GENERATION_BREAKER_WINDOW_MS` 60000 before a failure rate of 50 % opens it for
 * `GENERATION_BREAKER_OPEN_MS` 30000), qc (`GENERATION_QC_PROBE_TIMEOUT_MS` 30000 per ffprobe,
 * `GENERATION_QC_DURATION_TOLERANCE_MS` 1000 between the claimed and the probed duration,
 * `FFPROBE_PATH`, default the `@ffprobe-installer/linux-x64` binary), `NIM_API_KEY` (sent as
 * `Authorization: Bearer …` when set; never logged) and `GENERATION_CREATOR_ID` (the
 * `creatorId` of generated uploads, default `admin-studio`).
 */
export const generationConfig = defineConfigFragment(
  'generation',
  z.object({
    GENERATION_RETRY_BASE_MS: envPositiveInt().default(200),
    GENERATION_RETRY_MAX_MS: envPositiveInt().default(5000),
    GENERATION_BREAKER_MIN_CALLS: envPositiveInt().default(3),
    GENERATION_BREAKER_WINDOW_MS: envPositiveInt().default(60_000),
    GENERATION_BREAKER_OPEN_MS: envPositiveInt().default(30_000),
    GENERATION_QC_PROBE_TIMEOUT_MS: envPositiveInt().default(30_000),
    GENERATION_QC_DURATION_TOLERANCE_MS: envPositiveInt().default(1000),
    GENERATION_CREATOR_ID: z.string().min(1).max(64).default('admin-studio'),
    FFPROBE_PATH: z.string().min(1).optional(),
    NIM_API_KEY: z.string().min(1).optional(),
  }),
);

/** The validated variables (`config.slice(generationConfig)`). */
export type GenerationEnv = ConfigSlice<typeof generationConfig>;
