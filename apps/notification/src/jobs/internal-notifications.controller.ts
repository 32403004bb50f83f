import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { RequestContext } from '@mikasmissions/context';
import { Roles } from '@mikasmissions/service-identity';
import { DeliveriesRepository } from '../deliveries/deliveries.repository';
import { DeliveryDispatcher, type DispatchResult } from '../deliveries/delivery-dispatcher';
import { DigestFlusher, type FlushResult } from '../digest/digest-flusher';
import { DeliveriesQuery, RunJobDto } from './dto/run-job.dto';

/** One delivery as operators see it: no address (notification never stores one). */
export interface DeliveryView {
  delivery_id: string;
  kind: string;
  status: string;
  channel: string | null;
  attempts: number;
  last_error: string | null;
  subject: string;
  body: string;
  created_at: string;
  sent_at: string | null;
}

/**
 * `/internal/notifications/*` (service identity only, never routed by the gateway): run the
 * digest flush or a dispatch pass now (optionally "as of" `now`, for tests and operators), and
 * read a parent's deliveries with their state (`failed` rows are the dead letters).
 */
@Roles('service')
@Controller('internal/notifications')
export class InternalNotificationsController {
  constructor(
    private readonly flusher: DigestFlusher,
    private readonly dispatcher: DeliveryDispatcher,
    private readonly deliveries: DeliveriesRepository,
    private readonly ctx: RequestContext,
  ) {}

  @Post('digests/flush')
  @HttpCode(200)
  flush(@Body() dto: RunJobDto): Promise<FlushResult> {
    return this.flusher.flush(dto.now ? new Date(dto.now) : new Date());
  }

  @Post('deliveries/dispatch')
  @HttpCode(200)
  dispatch(@Body() dto: RunJobDto): Promise<DispatchResult> {
    return this.dispatcher.dispatch(dto.now ? new Date(dto.now) : new Date());
  }

  @Get('deliveries')
  async list(@Query() query: DeliveriesQuery): Promise<{ deliveries: DeliveryView[] }> {
    const rows = await this.deliveries.listByParent(this.ctx.tenantId, query.parent_user_id);
    return {
      deliveries: rows.map((d) => ({
        delivery_id: d.id,
        kind: d.kind,
        status: d.status,
        channel: d.channel,
        attempts: d.attempts,
        last_error: d.lastError,
        subject: d.subject,
        body: d.body,
        created_at: d.createdAt,
        sent_at: d.sentAt,
      })),
    };
  }
}
