import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { Roles } from '@mikasmissions/service-identity';
import { AdminIdPipe } from '../admin-id.pipe';
import { RunTransitionDto } from './dto/run-transition.dto';
import type { Run } from './run';
import { RunsService } from './runs.service';

/**
 * `POST /internal/runs/{run_id}/transitions` (service identity only): how the generation
 * workers move a run along the state machine; a refused move (a cancelled run, a skipped
 * step) is 409 `run_state_conflict`, so a stage learns that it must publish nothing.
 */
@Roles('service')
@Controller('internal/runs')
export class InternalRunsController {
  constructor(private readonly runs: RunsService) {}

  @Post(':run_id/transitions')
  @HttpCode(200)
  transition(@Param('run_id', AdminIdPipe) id: string, @Body() body: RunTransitionDto): Promise<Run> {
    return this.runs.transition(id, body);
  }
}
