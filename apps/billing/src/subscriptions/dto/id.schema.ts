import { z } from 'zod';

/** The contract's `Id`: an opaque identifier, 1–128 characters. */
export const idSchema = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/);
