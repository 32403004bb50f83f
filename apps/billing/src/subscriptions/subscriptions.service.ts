import { Injectable } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import type { Subscription } from './subscription';
import { SubscriptionNotFoundError } from './subscription-not-found.error';
import type { CreateSubscriptionDto } from './dto/create-subscription.dto';
import type { ListSubscriptionsQuery } from './dto/list-subscriptions.query';
import { SubscriptionsRepository } from './subscriptions.repository';

/** Creates, finds and lists the subscriptions of the caller's tenant. */
@Injectable()
export class SubscriptionsService {
  constructor(
    private readonly subscriptions: SubscriptionsRepository,
    private readonly ctx: RequestContext,
  ) {}

  create(dto: CreateSubscriptionDto): Promise<Subscription> {
    return this.subscriptions.create({ tenantId: this.ctx.tenantId, name: dto.name });
  }

  async get(id: string): Promise<Subscription> {
    const found = await this.subscriptions.find(this.ctx.tenantId, id);
    if (!found) throw new SubscriptionNotFoundError(id);
    return found;
  }

  async list(query: ListSubscriptionsQuery): Promise<{ data: Subscription[]; count: number }> {
    const data = await this.subscriptions.list({ tenantId: this.ctx.tenantId, limit: query.limit });
    return { data, count: data.length };
  }
}
