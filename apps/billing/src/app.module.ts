import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { EntitlementsModule } from './entitlements/entitlements.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';

/** The billing service (port 8089, prefix /v1): plans, subscriptions, entitlements; the trial at consent. */
@Module({
  imports: [
    PlatformModule.forRoot({ service: 'billing', http: { port: 8089, prefix: 'v1' }, messaging: true }),
    SubscriptionsModule,
    EntitlementsModule,
  ],
})
export class AppModule {}
