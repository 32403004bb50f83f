import { Controller, Get, Param } from '@nestjs/common';
import { RelationCheck } from '@mikasmissions/authx';
import type { AnalyticsEvent } from '../events/analytics-event';
import { EventsService } from '../events/events.service';

/**
 * `GET /projects/:projectId/events`: the tenant's events whose payload names the project.
 * REBAC demo: the caller must be `viewer` of `project:<projectId>` (directly, through a
 * group, or as editor/owner).
 */
@Controller('projects')
export class ProjectsController {
  constructor(private readonly events: EventsService) {}

  @RelationCheck({ relation: 'viewer', objectParam: 'projectId' })
  @Get(':projectId/events')
  async list(@Param('projectId') projectId: string): Promise<{ projectId: string; data: AnalyticsEvent[]; count: number }> {
    const all = await this.events.list({ limit: 500 });
    const data = all.data.filter((e) => e.payload?.projectId === projectId);
    return { projectId, data, count: data.length };
  }
}
