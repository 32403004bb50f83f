import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** How far the platform trusts a creator; `low` and `unknown` send a passing asset to the review queue by default. */
export const TRUST_LEVELS = ['trusted', 'standard', 'low', 'unknown'] as const;

/** One of {@link TRUST_LEVELS}. */
export type TrustLevel = (typeof TRUST_LEVELS)[number];

const term = z.string().trim().min(1).max(80);
const termList = z.object({ hard: z.array(term).max(500).default([]), soft: z.array(term).max(500).default([]) }).strict();

/** The rules file's shape (zod): every field has a default, unknown fields are refused. */
export const moderationRulesSchema = z
  .object({
    ageBands: z
      .array(z.enum(['3-5', '6-11', '12-16']))
      .min(1)
      .default(['3-5', '6-11', '12-16']),
    blockedTags: z.array(term).max(200).default([]),
    durationMs: z
      .object({
        min: z.number().int().min(1).default(1_000),
        max: z
          .number()
          .int()
          .min(1)
          .default(3 * 60 * 60 * 1000),
      })
      .strict()
      .refine((d) => d.min <= d.max, { error: 'durationMs.min must not exceed durationMs.max' })
      .default({ min: 1_000, max: 3 * 60 * 60 * 1000 }),
    blockedTerms: z.record(z.string().regex(/^[a-z]{2,3}$/, { error: 'keys are primary language subtags, e.g. en' }), termList).default({}),
    trust: z
      .object({
        default: z.enum(TRUST_LEVELS).default('unknown'),
        queueLevels: z.array(z.enum(TRUST_LEVELS)).default(['low', 'unknown']),
        creators: z.record(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/), z.enum(TRUST_LEVELS)).default({}),
      })
      .strict()
      .default({ default: 'unknown', queueLevels: ['low', 'unknown'], creators: {} }),
  })
  .strict();

/** The validated rules. */
export type ModerationRules = z.infer<typeof moderationRulesSchema>;

/** The built-in rules (`apps/moderation/moderation-rules.json` holds the same; a spec keeps them equal). */
export const DEFAULT_RULES: ModerationRules = moderationRulesSchema.parse({
  blockedTags: ['violence', 'horror', 'gambling'],
  blockedTerms: {
    en: { hard: ['gore', 'kill', 'murder', 'drugs', 'porn'], soft: ['scary', 'fight', 'weapon', 'blood'] },
    de: { hard: ['mord', 'töten', 'drogen', 'porno'], soft: ['gruselig', 'kampf', 'waffe', 'blut'] },
    es: { hard: ['matar', 'asesinato', 'drogas', 'porno'], soft: ['miedo', 'pelea', 'arma', 'sangre'] },
  },
});

/** A rules file that cannot be read or does not match {@link moderationRulesSchema}: the service does not start. */
export class ModerationRulesError extends Error {
  constructor(file: string, problem: string) {
    super(`MODERATION_RULES_FILE ${file}: ${problem}`);
    this.name = 'ModerationRulesError';
  }
}

/**
 * The rules of `file` (JSON, validated), or {@link DEFAULT_RULES} without one; `trusted` creator
 * ids are added as `trusted` (MODERATION_TRUSTED_CREATORS).
 *
 * @example
 * loadModerationRules('apps/moderation/moderation-rules.json', ['creator-1']).trust.creators['creator-1'] // 'trusted'
 */
export function loadModerationRules(file: string | undefined, trusted: readonly string[] = []): ModerationRules {
  let rules = DEFAULT_RULES;
  if (file) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new ModerationRulesError(file, (error as Error).message);
    }
    const parsed = moderationRulesSchema.safeParse(raw);
    if (!parsed.success)
      throw new ModerationRulesError(file, parsed.error.issues.map((i) => `${i.path.join('.') || '/'}: ${i.message}`).join('; '));
    rules = parsed.data;
  }
  if (trusted.length === 0) return rules;
  return {
    ...rules,
    trust: { ...rules.trust, creators: { ...rules.trust.creators, ...Object.fromEntries(trusted.map((id) => [id, 'trusted' as const])) } },
  };
}
