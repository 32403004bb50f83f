import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import type { Subscription } from './subscription';
import { CreateSubscriptionDto } from './dto/create-subscription.dto';
import { ListSubscriptionsQuery } from './dto/list-subscriptions.query';
import { SubscriptionsService } from './subscriptions.service';

/** `GET/POST /subscriptions`, `GET /subscriptions/:id`: the subscriptions of the caller's tenant. */
@Controller('subscriptions')
export class SubscriptionsController {
  constructor(private readonly subscriptions: SubscriptionsService) {}

  @Get()
  list(@Query() query: ListSubscriptionsQuery): Promise<{ data: Subscription[]; count: number }> {
    return this.subscriptions.list(query);
  }

  @Get(':id')
  get(@Param('id') id: string): Promise<Subscription> {
    return this.subscriptions.get(id);
  }

  @Post()
  @HttpCode(201)
  create(@Body() dto: CreateSubscriptionDto): Promise<Subscription> {
    return this.subscriptions.create(dto);
  }
}
