import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext } from '@mikasmissions/context';
import { declareStageDecorator, PipelineStage, type RouteInfo, type RouteStage, type RouteStepFn } from '@mikasmissions/http';
import { EventPublisher } from './event-publisher';
import { PUBLISH_METADATA } from './publish.decorator';

declareStageDecorator(
  { kind: 'step', name: 'publish' },
  PUBLISH_METADATA.KEY,
  '@Publish',
  'MessagingModule (PlatformModule.forRoot({ messaging: true }))',
);

/**
 * Stage `publish` for routes carrying `@Publish`: runs the inner stages and the handler as one
 * unit of work and, when the handler produced a fresh value, publishes the event mapped from
 * that value inside the same unit. An answer from a store (cache HIT) publishes nothing.
 */
@PipelineStage({ kind: 'step', name: 'publish' })
@Injectable()
export class PublishStage implements RouteStage<RouteStepFn> {
  constructor(
    private readonly reflector: Reflector,
    private readonly publisher: EventPublisher,
  ) {}

  plan(route: RouteInfo): RouteStepFn | undefined {
    const spec = this.reflector.get(PUBLISH_METADATA, route.handler);
    if (!spec) return undefined;
    return (_call, next) =>
      this.publisher.transaction(async () => {
        const result = await next();
        if (result.origin !== 'handler') return result;
        const value = result.value as never;
        const payload = spec.map ? spec.map(value, RequestContext.current().snapshot()) : (result.value as object);
        await this.publisher.publish(spec.event, payload, { aggregateId: spec.aggregateId?.(value) });
        return result;
      });
  }
}
