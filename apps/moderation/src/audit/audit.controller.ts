import { Controller, Get, Query } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '@mikasmissions/service-identity';
import type { AuditEntry } from './audit-entry';
import { AuditService } from './audit.service';

/** Query of `GET /v1/admin/moderation/audit`. */
class AuditQuery extends createZodDto(
  z
    .object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      asset_id: z
        .string()
        .max(128)
        .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/)
        .optional(),
    })
    .strict(),
) {}

/** `GET /v1/admin/moderation/audit`: every moderation decision, newest first, for admins. */
@Roles('admin', 'service')
@Controller('admin/moderation/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query() query: AuditQuery): Promise<{ entries: AuditEntry[] }> {
    return this.audit.list(query.limit, query.asset_id);
  }
}
