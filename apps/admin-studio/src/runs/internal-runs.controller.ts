import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { Roles } from '@mikasmissions/service-identity';
import { AdminIdPipe } from '../admin-id.pipe';
import { RunTransitionDto } from './dto/run-transition.dto';
import type { Run } from './run';
import { type RunWorkerView, RunWorkerViewService } from './run-worker-view.service';
import { RunsService } from './runs.service';

/**
 * The generation workers' door (service identity only): `GET /internal/runs/{run_id}` reads the
 * run with its workflow and model profile; `POST /internal/runs/{run_id}/transitions` moves it
 * along the state machine. A refused move (a cancelled run, a skipped step, another attempt) is
 * 409 `run_state_conflict`, so a stage learns that it must publish nothing.
 */
@Roles('service')
@Controller('internal/runs')
export class InternalRunsController {
  constructor(
    private readonly runs: RunsService,
    private readonly views: RunWorkerViewService,
  ) {}

  @Get(':run_id')
  view(@Param('run_id', AdminIdPipe) id: string): Promise<RunWorkerView> {
    return this.views.view(id);
  }

  @Post(':run_id/transitions')
  @HttpCode(200)
  transition(@Param('run_id', AdminIdPipe) id: string, @Body() body: RunTransitionDto): Promise<Run> {
    return this.runs.transition(id, body);
  }
}
