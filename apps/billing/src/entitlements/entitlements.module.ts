import { Module } from '@nestjs/common';
import { ProfileChildDirectory } from '../profiles/adapters/profile-child-directory';
import { ChildDirectory } from '../profiles/child-directory';
import { SubscriptionsModule } from '../subscriptions/subscriptions.module';
import { EntitlementsController } from './entitlements.controller';
import { EntitlementsService } from './entitlements.service';

/** `GET /billing/entitlements`: the parent's current plan, a child resolved to its parent through profile. */
@Module({
  imports: [SubscriptionsModule],
  controllers: [EntitlementsController],
  providers: [EntitlementsService, { provide: ChildDirectory, useClass: ProfileChildDirectory }],
})
export class EntitlementsModule {}
