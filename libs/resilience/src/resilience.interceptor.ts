import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { defer, lastValueFrom, Observable } from 'rxjs';
import { runAttempt } from './attempt-signal';
import { ResilienceDecorator } from './resilience.decorator';
import { ResilienceService } from './resilience.service';

/** Global interceptor applying {@link Resilience}: one circuit per route, named `Controller.handler`. */
@Injectable()
export class ResilienceInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly resilience: ResilienceService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const policy = this.reflector.get(ResilienceDecorator, context.getHandler());
    if (!policy) return next.handle();
    const circuit = this.resilience.circuit(`${context.getClass().name}.${context.getHandler().name}`, policy);
    return defer(() =>
      circuit.execute((signal) => runAttempt(signal, () => lastValueFrom(next.handle(), { defaultValue: undefined }))),
    );
  }
}
