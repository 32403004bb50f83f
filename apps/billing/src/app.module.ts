import { Module } from '@nestjs/common';
import { PlatformModule } from '@mikasmissions/platform';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';

/** The billing service (port 8089, prefix /v1): subscriptions of the caller's tenant. */
@Module({
  imports: [PlatformModule.forRoot({ service: 'billing', http: { port: 8089, prefix: 'v1' } }), SubscriptionsModule],
})
export class AppModule {}
