import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Query `?parent_user_id=` of the list and delete routes (the contract's `ParentUserIdQuery`); absent or malformed → 400 `validation_failed`. */
export const parentQuerySchema = z.object({
  parent_user_id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/),
});

/** {@link parentQuerySchema} as a DTO for `@Query()`. */
export class ParentQuery extends createZodDto(parentQuerySchema) {}
