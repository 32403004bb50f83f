import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ChildProfileDeleted, type ChildProfileDeletedPayload } from '@mikasmissions/contracts-events';
import { type EventEnvelope, OnEvent } from '@mikasmissions/messaging';
import { SessionsRepository } from './sessions.repository';

/** Consumes `child.profile.deleted` (profile): erases every playback session of the child (idempotent; inbox dedupe). */
@Controller()
export class SessionErasureConsumer {
  private readonly logger = new Logger('SessionErasure');

  constructor(private readonly sessions: SessionsRepository) {}

  @OnEvent(ChildProfileDeleted)
  async onDeleted(@Payload() event: EventEnvelope<ChildProfileDeletedPayload>): Promise<void> {
    const removed = await this.sessions.eraseChild(event.tenantId, event.payload.childProfileId);
    this.logger.log(`child.profile.deleted ${event.id}: ${removed} session(s) erased`);
  }
}
