import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { HttpAdapterHost, Reflector } from '@nestjs/core';
import { map, Observable } from 'rxjs';
import { SerializeDecorator } from './serialize.decorator';

/** JSON content type every serialized body carries. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * Global interceptor applying {@link Serialize}: turns the handler's result into the JSON
 * text of its compiled serializer. A string result is taken as JSON already serialized by an
 * inner layer and passed through.
 */
@Injectable()
export class SerializeInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly adapterHost: HttpAdapterHost,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const meta = this.reflector.get(SerializeDecorator, context.getHandler()) ?? this.reflector.get(SerializeDecorator, context.getClass());
    if (!meta || context.getType() !== 'http') return next.handle();
    const response = context.switchToHttp().getResponse();
    const adapter = this.adapterHost.httpAdapter;
    return next.handle().pipe(
      map((value: unknown) => {
        if (value === undefined || value === null) return value;
        const body = typeof value === 'string' ? value : meta.stringify(value);
        if (!adapter.isHeadersSent(response)) adapter.setHeader(response, 'content-type', JSON_CONTENT_TYPE);
        return body;
      }),
    );
  }
}
