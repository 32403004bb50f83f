import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ProgressUpdated, type ProgressUpdatedPayload } from '@mikasmissions/contracts-events';
import { OnEvent, type EventEnvelope } from '@mikasmissions/messaging';
import { DashboardService } from './dashboard.service';

/**
 * Consumes `progress.updated` into the dashboard ledger. The messaging inbox dedupes per
 * consumer group and, in Postgres mode, runs the handler in its transaction, so a redelivered
 * event is counted once.
 */
@Controller()
export class ProgressConsumer {
  constructor(private readonly dashboard: DashboardService) {}

  @OnEvent(ProgressUpdated)
  async onProgress(@Payload() event: EventEnvelope<ProgressUpdatedPayload>): Promise<void> {
    await this.dashboard.record(event);
  }
}
