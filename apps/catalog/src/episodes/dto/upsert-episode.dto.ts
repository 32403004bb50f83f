import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { AGE_BANDS } from '../age-band';

const id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'expected an opaque id (A-Z a-z 0-9 _ . : -)');
const storageKey = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_./-]*$/, 'expected a relative media store key')
  .refine((key) => !key.split('/').includes('..'), 'expected no .. segment');

/** Body of `POST /internal/catalog/episodes` (snake_case like the public `Episode`). */
export const upsertEpisodeSchema = z
  .object({
    episode_id: id,
    show_id: id,
    title: z.string().trim().min(1).max(200),
    summary: z.string().max(2000).default(''),
    age_band: z.enum(AGE_BANDS),
    duration_ms: z.number().int().min(0).max(86_400_000),
    learning_tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    playback_ready: z.boolean().optional(),
    thumbnail_url: z
      .union([
        z
          .string()
          .url()
          .max(2048)
          .regex(/^https?:\/\//, 'expected http(s)'),
        storageKey,
      ])
      .optional(),
    published_at_iso: z.string().datetime({ offset: true }).nullable().default(null),
    renditions: z
      .array(z.object({ profile: z.string().trim().min(1).max(32), storage_key: storageKey }).strict())
      .max(10)
      .default([]),
  })
  .strict();

/** The validated upsert body. */
export class UpsertEpisodeDto extends createZodDto(upsertEpisodeSchema) {}
