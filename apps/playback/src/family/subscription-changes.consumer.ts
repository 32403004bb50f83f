import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SubscriptionChanged, type SubscriptionChangedPayload } from '@mikasmissions/contracts-events';
import { OnEvent, type EventEnvelope } from '@mikasmissions/messaging';
import { CachedEntitlements } from './entitlement-cache';
import { Entitlements } from './family.ports';

/** Consumes `subscription.changed` (billing): the parent's cached entitlements are dropped, so the next start asks billing. */
@Controller()
export class SubscriptionChangesConsumer {
  constructor(private readonly entitlements: Entitlements) {}

  @OnEvent(SubscriptionChanged)
  async onSubscriptionChanged(@Payload() event: EventEnvelope<SubscriptionChangedPayload>): Promise<void> {
    if (this.entitlements instanceof CachedEntitlements) this.entitlements.invalidateParent(event.payload.parentId);
  }
}
