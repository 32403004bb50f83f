import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

/** Body of `POST /v1/admin/moderation/queue/{asset_id}/approve` (the contract's `ModerationApproveRequest`; may be empty). */
export class ApproveDto extends createZodDto(z.object({ note: z.string().trim().min(1).max(500).optional() }).strict()) {}

/** Body of `POST /v1/admin/moderation/queue/{asset_id}/reject` (the contract's `ModerationRejectRequest`). */
export class RejectDto extends createZodDto(
  z
    .object({
      reason: z
        .string()
        .max(64)
        .regex(/^[a-z][a-z0-9_]*$/, { error: 'a snake_case reason, e.g. off_topic' }),
      message: z.string().trim().min(1).max(500).optional(),
    })
    .strict(),
) {}

/** Query of `GET /v1/admin/moderation/queue`. */
export class QueueQuery extends createZodDto(z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict()) {}
