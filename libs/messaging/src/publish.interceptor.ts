import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestContext } from '@mikasmissions/context';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { EventPublisher } from './event-publisher';
import { PUBLISH_METADATA } from './publish.decorator';

/**
 * Global interceptor (registered by `MessagingModule`): runs an `@Publish` handler as one
 * unit of work and, when it succeeds, publishes its event inside that same unit.
 */
@Injectable()
export class PublishInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly publisher: EventPublisher,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const spec = this.reflector.get(PUBLISH_METADATA, context.getHandler());
    if (!spec) return next.handle();
    return from(
      this.publisher.transaction(async () => {
        const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        const payload = spec.map ? spec.map(result as never, RequestContext.current().snapshot()) : (result as object);
        await this.publisher.publish(spec.type, payload, { aggregateId: spec.aggregateId?.(result as never) });
        return result;
      }),
    );
  }
}
