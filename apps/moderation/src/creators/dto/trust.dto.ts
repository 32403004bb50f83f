import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { TRUST_LEVELS } from '../../rules/moderation-rules';

/** Body of `PUT /v1/admin/moderation/creators/{creator_id}` (the contract's `ModerationCreatorTrustRequest`). */
export class SetTrustDto extends createZodDto(z.object({ trust_level: z.enum(TRUST_LEVELS) }).strict()) {}
