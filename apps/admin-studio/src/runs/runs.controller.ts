import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { VideoRunRequested, type VideoRunRequestedPayload } from '@mikasmissions/contracts-events';
import { Publish } from '@mikasmissions/messaging';
import { Serialize } from '@mikasmissions/serialize';
import { Roles } from '@mikasmissions/service-identity';
import { AdminIdPipe } from '../admin-id.pipe';
import { CreateRunDto } from './dto/create-run.dto';
import type { Run, RunLogEntry } from './run';
import { type RunStatusResult, RunsService } from './runs.service';

/** The contract's `RunStatusResponse`: keeps the event payload out of the answer. */
const runStatusSchema = {
  title: 'RunStatusResponse',
  type: 'object',
  properties: { run_id: { type: 'string' }, status: { type: 'string' }, message: { type: 'string' } },
  required: ['run_id', 'status'],
};

const publishRequested = {
  map: (r: RunStatusResult): VideoRunRequestedPayload => r.event,
  aggregateId: (r: RunStatusResult) => r.run_id,
};

/** Runs of AI content workflows: start, read, log, retry, cancel (`/v1/admin/...`). */
@Roles('admin', 'service')
@Controller('admin')
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Post('workflows/:workflow_id/runs')
  @HttpCode(201)
  @Publish(VideoRunRequested, publishRequested)
  @Serialize(runStatusSchema)
  create(@Param('workflow_id', AdminIdPipe) workflowId: string, @Body() body: CreateRunDto): Promise<RunStatusResult> {
    return this.runs.create(workflowId, body);
  }

  @Get('runs/:run_id')
  get(@Param('run_id', AdminIdPipe) id: string): Promise<Run> {
    return this.runs.get(id);
  }

  @Get('runs/:run_id/logs')
  logs(@Param('run_id', AdminIdPipe) id: string): Promise<{ run_id: string; logs: RunLogEntry[] }> {
    return this.runs.logs(id);
  }

  @Post('runs/:run_id/retry')
  @HttpCode(200)
  @Publish(VideoRunRequested, publishRequested)
  @Serialize(runStatusSchema)
  retry(@Param('run_id', AdminIdPipe) id: string): Promise<RunStatusResult> {
    return this.runs.retry(id);
  }

  @Post('runs/:run_id/cancel')
  @HttpCode(200)
  cancel(@Param('run_id', AdminIdPipe) id: string): Promise<Omit<RunStatusResult, 'event'>> {
    return this.runs.cancel(id);
  }
}
