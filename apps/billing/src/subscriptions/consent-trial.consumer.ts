import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConsentVerified, type ConsentVerifiedPayload } from '@mikasmissions/contracts-events';
import { OnEvent, type EventEnvelope } from '@mikasmissions/messaging';
import { SubscriptionsService } from './subscriptions.service';

/** Consumes `consent.verified` (identity): the parent gets the trial plan, once (inbox dedupe plus one consent grant per parent). */
@Controller()
export class ConsentTrialConsumer {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @OnEvent(ConsentVerified)
  async onConsentVerified(@Payload() event: EventEnvelope<ConsentVerifiedPayload>): Promise<void> {
    const { parentUserId, consentId, verifiedAt } = event.payload;
    await this.subscriptions.grantTrial({ tenantId: event.tenantId, parentUserId, consentId, verifiedAt: new Date(verifiedAt) });
  }
}
