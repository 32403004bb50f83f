import { Controller, Get, Query } from '@nestjs/common';
import type { ResponseBody } from '@mikasmissions/contracts-api';
import { Roles } from '@mikasmissions/service-identity';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { DashboardService } from './dashboard.service';

/** Query of `GET /v1/parents/dashboard` (contract `ParentUserIdQuery`). */
export const dashboardQuerySchema = z.object({
  parent_user_id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/),
});

/** {@link dashboardQuerySchema} as a Nest DTO. */
export class DashboardQuery extends createZodDto(dashboardQuerySchema) {}

/** `GET /v1/parents/dashboard?parent_user_id=`: the parent's weekly figures per child (the parent itself, or a service). */
@Controller('parents/dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Roles('parent', 'service')
  @Get()
  get(@Query() query: DashboardQuery): Promise<ResponseBody<'parentDashboard', 200>> {
    return this.dashboard.dashboard(query.parent_user_id);
  }
}
