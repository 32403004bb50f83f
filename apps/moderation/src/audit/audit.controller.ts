import { Controller, Get, Query } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '@mikasmissions/service-identity';
import type { AuditEntry } from './audit-entry';
import { AuditService } from './audit.service';

/** Query of `GET /v1/admin/moderation/audit`. */
const id = z
  .string()
  .max(128)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/)
  .optional();

/** Query of `GET /v1/admin/moderation/audit`: `asset_id` or `creator_id`, not both. */
class AuditQuery extends createZodDto(
  z
    .object({ limit: z.coerce.number().int().min(1).max(200).default(50), asset_id: id, creator_id: id })
    .strict()
    .refine((q) => q.asset_id === undefined || q.creator_id === undefined, {
      error: 'name asset_id or creator_id, not both',
      path: ['creator_id'],
    }),
) {}

/** `GET /v1/admin/moderation/audit`: every moderation decision and trust change, newest first, for admins. */
@Roles('admin', 'service')
@Controller('admin/moderation/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query() query: AuditQuery): Promise<{ entries: AuditEntry[] }> {
    if (query.creator_id !== undefined) return this.audit.list(query.limit, { targetType: 'creator', targetId: query.creator_id });
    if (query.asset_id !== undefined) return this.audit.list(query.limit, { targetType: 'asset', targetId: query.asset_id });
    return this.audit.list(query.limit);
  }
}
