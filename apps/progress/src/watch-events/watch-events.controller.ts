import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { ProgressUpdatedPayload } from '@mikasmissions/contracts-events';
import { ProgressUpdated } from '@mikasmissions/contracts-events';
import { Idempotency } from '@mikasmissions/idempotency';
import { Publish } from '@mikasmissions/messaging';
import { Serialize } from '@mikasmissions/serialize';
import { Roles } from '@mikasmissions/service-identity';
import { parseWatchEvent } from './dto/watch-event.request';
import { type AcceptedWatchEvent, WatchEventsService } from './watch-events.service';

const acceptedSchema = {
  title: 'WatchEventResponse',
  type: 'object',
  properties: { accepted: { type: 'boolean' } },
  required: ['accepted'],
};

/** `POST /v1/progress/watch-events`: a player reports the position a child reached. */
@Controller('progress/watch-events')
export class WatchEventsController {
  constructor(private readonly watchEvents: WatchEventsService) {}

  @Roles('parent', 'child', 'service')
  @Idempotency()
  @Post()
  @HttpCode(202)
  @Publish(ProgressUpdated, {
    map: (r: AcceptedWatchEvent): ProgressUpdatedPayload => r.event,
    aggregateId: (r: AcceptedWatchEvent) => r.event.childId,
  })
  @Serialize(acceptedSchema)
  record(@Body() body: unknown): Promise<AcceptedWatchEvent> {
    return this.watchEvents.record(parseWatchEvent(body));
  }
}
