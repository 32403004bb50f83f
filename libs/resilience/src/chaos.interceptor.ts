import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@mikasmissions/config';
import { PlatformError } from '@mikasmissions/http';
import { defer, mergeAll, Observable } from 'rxjs';
import { ChaosDecorator } from './chaos.decorator';
import { markRetryable } from './resilience.errors';

/** The error `@Chaos` injects (retryable, counts as a breaker failure). */
export class ChaosInjectedError extends PlatformError {
  constructor() {
    super(503, 'CHAOS_INJECTED', 'failure injected by @Chaos (FLAG_CHAOS=true)');
    markRetryable(this);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Global interceptor applying {@link Chaos} when `FLAG_CHAOS=true`; a no-op otherwise. */
@Injectable()
export class ChaosInterceptor implements NestInterceptor {
  private readonly enabled: boolean;

  constructor(
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.enabled = config.flags.CHAOS === true;
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const chaos = this.enabled ? this.reflector.get(ChaosDecorator, context.getHandler()) : undefined;
    if (!chaos) return next.handle();
    return defer(async () => {
      if (Math.random() < chaos.probability) await sleep(chaos.delayMs);
      if (Math.random() < chaos.errorRate) throw new ChaosInjectedError();
      return next.handle();
    }).pipe(mergeAll());
  }
}
