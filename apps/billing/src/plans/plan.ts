import { z } from 'zod';

/** One plan of the catalogue (`plans.json`): how it is granted, how long a period lasts, what it costs. */
export const planSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
    /** `consent`: given automatically once a parent's consent is verified (the trial); `purchase`: bought with `POST /subscriptions`. */
    grant: z.enum(['consent', 'purchase']),
    period: z.object({ unit: z.enum(['day', 'month', 'year']), count: z.number().int().min(1).max(400) }).strict(),
    priceCents: z.number().int().min(0),
    currency: z.string().regex(/^[A-Z]{3}$/),
  })
  .strict();

/** A plan of the catalogue. */
export type Plan = z.infer<typeof planSchema>;

/** The catalogue file: exactly one `consent` plan, ids unique, purchasable plans not free. */
export const planCatalogSchema = z
  .object({ plans: z.array(planSchema).min(1) })
  .strict()
  .superRefine(({ plans }, ctx) => {
    if (new Set(plans.map((p) => p.id)).size !== plans.length) ctx.addIssue({ code: 'custom', message: 'plan ids must be unique' });
    if (plans.filter((p) => p.grant === 'consent').length !== 1)
      ctx.addIssue({ code: 'custom', message: 'exactly one plan must have grant "consent"' });
    if (plans.some((p) => p.grant === 'purchase' && p.priceCents === 0))
      ctx.addIssue({ code: 'custom', message: 'a purchasable plan must have a price' });
  });
