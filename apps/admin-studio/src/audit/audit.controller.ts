import { Controller, Get, Query } from '@nestjs/common';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { Roles } from '@mikasmissions/service-identity';
import type { AuditEntry } from './audit-entry';
import { AuditService } from './audit.service';

/** Query of `GET /v1/admin/audit`. */
class AuditQuery extends createZodDto(z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) }).strict()) {}

/** `GET /v1/admin/audit`: the newest admin actions, for admins. */
@Roles('admin', 'service')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  list(@Query() query: AuditQuery): Promise<{ entries: AuditEntry[] }> {
    return this.audit.list(query.limit);
  }
}
