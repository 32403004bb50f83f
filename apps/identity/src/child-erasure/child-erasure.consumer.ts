import { Controller, Logger } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ChildProfileDeleted, type ChildProfileDeletedPayload } from '@mikasmissions/contracts-events';
import { OnEvent, type EventEnvelope } from '@mikasmissions/messaging';
import { ChildErasureService } from './child-erasure.service';

/** Consumes `child.profile.deleted` (profile) and erases the child's data in identity (inbox-deduped, idempotent). */
@Controller()
export class ChildErasureConsumer {
  private readonly logger = new Logger('ChildErasure');

  constructor(private readonly erasure: ChildErasureService) {}

  @OnEvent(ChildProfileDeleted)
  async onDeleted(@Payload() event: EventEnvelope<ChildProfileDeletedPayload>): Promise<void> {
    const { parentUserId, childProfileId } = event.payload;
    const report = await this.erasure.erase({ tenantId: event.tenantId, parentUserId }, childProfileId);
    this.logger.log({ erased: report, eventId: event.id });
  }
}
