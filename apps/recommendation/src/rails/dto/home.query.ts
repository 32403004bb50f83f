import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

const childProfileId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/);

/** Query of `GET /v1/home/rails`. */
export const homeRailsQuerySchema = z.object({ child_profile_id: childProfileId });

/** Query of `GET /v1/kids/home`; `mode` is checked by the service (400 `invalid_mode`, 403 `mode_not_allowed`). */
export const kidsHomeQuerySchema = z.object({ child_profile_id: childProfileId, mode: z.string().min(1).max(16) });

/** Validated query of `GET /v1/home/rails`. */
export class HomeRailsQuery extends createZodDto(homeRailsQuerySchema) {}

/** Validated query of `GET /v1/kids/home`. */
export class KidsHomeQuery extends createZodDto(kidsHomeQuerySchema) {}
