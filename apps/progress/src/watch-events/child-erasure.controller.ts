import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CacheService } from '@mikasmissions/cache';
import { ChildProfileDeleted, type ChildProfileDeletedPayload } from '@mikasmissions/contracts-events';
import { type EventEnvelope, OnEvent } from '@mikasmissions/messaging';
import { ProgressRepository } from './progress.repository';
import { usageTag } from './watch-events.service';

/** Consumes `child.profile.deleted`: erases the child's events, resume points and ledger (idempotent). */
@Controller()
export class ChildErasureController {
  private readonly logger = new Logger('ChildErasure');

  constructor(
    private readonly progress: ProgressRepository,
    private readonly cache: CacheService,
  ) {}

  @OnEvent(ChildProfileDeleted)
  async onDeleted(@Payload() event: EventEnvelope<ChildProfileDeletedPayload>): Promise<void> {
    const erased = await this.progress.erase(event.tenantId, event.payload.childProfileId);
    await this.cache.invalidateTag(usageTag(event.payload.childProfileId));
    this.logger.log(`child.profile.deleted ${event.id}: history ${erased ? 'erased' : 'already empty'}`);
  }
}
