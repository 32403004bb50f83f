import { type ConfigSlice, defineConfigFragment } from '@mikasmissions/config';
import { z } from 'zod';

/**
 * The recommendation service's variables: `RECOMMENDATION_UPSTREAMS` (`http`: profile,
 * identity and catalog over ServiceClient, the default; `memory`: in-process ports that tests
 * fill through `app.get(...)`).
 */
export const recommendationConfig = defineConfigFragment(
  'recommendation',
  z.object({
    RECOMMENDATION_UPSTREAMS: z.enum(['http', 'memory']).default('http'),
  }),
);

/** The validated variables (`config.slice(recommendationConfig)`). */
export type RecommendationEnv = ConfigSlice<typeof recommendationConfig>;
