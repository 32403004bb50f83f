import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  VideoRunRequested,
  type VideoRunRequestedPayload,
  VideoRunStepCompleted,
  type VideoRunStepCompletedPayload,
} from '@mikasmissions/contracts-events';
import { type EventEnvelope, OnEvent } from '@mikasmissions/messaging';
import { OrchestratorStage } from '../orchestrator/orchestrator.stage';
import { ProviderStage } from '../provider/provider.stage';
import { QcStage } from '../qc/qc.stage';

/**
 * The generation chain's consumers (consumer group `generation`, inbox dedupe by
 * libs/messaging): `video.run.requested` → orchestrator; `video.run.step.completed` → the next
 * stage (orchestrator → provider → qc; qc's own step ends the chain here, the media pipeline
 * takes `media.uploaded`). A transient failure (admin-studio down) throws, so the delivery is
 * retried with backoff and dead-lettered after `MESSAGING_MAX_DELIVERIES`.
 */
@Controller()
export class ChainConsumer {
  constructor(
    private readonly orchestrator: OrchestratorStage,
    private readonly provider: ProviderStage,
    private readonly qc: QcStage,
  ) {}

  @OnEvent(VideoRunRequested)
  async onRequested(@Payload() event: EventEnvelope<VideoRunRequestedPayload>): Promise<void> {
    await this.orchestrator.run(event.payload);
  }

  @OnEvent(VideoRunStepCompleted)
  async onStep(@Payload() event: EventEnvelope<VideoRunStepCompletedPayload>): Promise<void> {
    if (event.payload.step === 'orchestrator') await this.provider.run(event.payload);
    else if (event.payload.step === 'provider') await this.qc.run(event.payload);
  }
}
