import { type ConfigSlice, defineConfigFragment } from '@mikasmissions/config';
import { z } from 'zod';

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const CREATOR_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/**
 * The moderation service's variables: `MODERATION_RULES_FILE` (a JSON rules file, see
 * `apps/moderation/moderation-rules.json`; unset: the built-in defaults, which that file
 * repeats), `MODERATION_DEFAULT_LANGUAGE` (the blocked-terms list for an event without
 * `language`; default `en`) and `MODERATION_TRUSTED_CREATORS` (comma list of creator ids trusted
 * on top of the file's `trust.creators`; default none).
 */
export const moderationConfig = defineConfigFragment(
  'moderation',
  z.object({
    MODERATION_RULES_FILE: z.string().min(1).optional(),
    MODERATION_DEFAULT_LANGUAGE: z.string().regex(LANGUAGE, { error: 'expected a BCP 47 language, e.g. en or de-AT' }).default('en'),
    MODERATION_TRUSTED_CREATORS: z
      .string()
      .default('')
      .transform((raw) =>
        raw
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .refine((ids) => ids.every((id) => CREATOR_ID.test(id)), { error: 'expected a comma list of creator ids' }),
  }),
);

/** The validated variables (`config.slice(moderationConfig)`). */
export type ModerationEnv = ConfigSlice<typeof moderationConfig>;
