import { type ConfigSlice, defineConfigFragment, envPositiveInt } from '@mikasmissions/config';
import { z } from 'zod';

/**
 * The progress service's variables: `PROGRESS_UPSTREAMS` (`http`: catalog and identity over
 * ServiceClient, the default; `memory`: in-process ports for tests), `PROGRESS_WATCH_SLACK_MS`
 * (how far `watch_ms` may pass the episode's duration; 10000) and
 * `PROGRESS_EVENT_CLOCK_SKEW_MS` (how far `event_time` may lie in the future; 120000).
 */
export const progressConfig = defineConfigFragment(
  'progress',
  z.object({
    PROGRESS_UPSTREAMS: z.enum(['http', 'memory']).default('http'),
    PROGRESS_WATCH_SLACK_MS: envPositiveInt().default(10_000),
    PROGRESS_EVENT_CLOCK_SKEW_MS: envPositiveInt().default(120_000),
  }),
);

/** The validated variables (`config.slice(progressConfig)`). */
export type ProgressEnv = ConfigSlice<typeof progressConfig>;
