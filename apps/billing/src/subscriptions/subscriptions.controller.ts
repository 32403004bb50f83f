import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { SubscriptionChanged } from '@mikasmissions/contracts-events';
import { Idempotency } from '@mikasmissions/idempotency';
import { Publish } from '@mikasmissions/messaging';
import { Roles } from '@mikasmissions/service-identity';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { ListSubscriptionsQuery } from './dto/list-subscriptions.query';
import { subscriptionChangedOf } from './subscription-changed';
import type { SubscriptionView } from './subscription-view';
import { SubscriptionsService } from './subscriptions.service';

const changed = {
  map: (view: SubscriptionView) => subscriptionChangedOf(view),
  aggregateId: (view: SubscriptionView) => view.parent_user_id,
};

/** `GET/POST /billing/subscriptions`, `DELETE /billing/subscriptions/:id`: the acting parent's subscriptions. */
@Roles('parent', 'service')
@Controller('billing/subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get()
  list(@Query() query: ListSubscriptionsQuery): Promise<{ subscriptions: SubscriptionView[] }> {
    return this.subscriptions.list(query.parent_user_id);
  }

  @Idempotency({ required: true })
  @Post()
  @HttpCode(201)
  @Publish(SubscriptionChanged, changed)
  subscribe(@Body() dto: CreateSubscriptionDto): Promise<SubscriptionView> {
    return this.subscriptions.subscribe(dto);
  }

  @Delete(':id')
  @HttpCode(200)
  @Publish(SubscriptionChanged, changed)
  cancel(@Param('id') id: string): Promise<SubscriptionView> {
    return this.subscriptions.cancel(id);
  }
}
