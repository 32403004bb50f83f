import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@mikasmissions/config';
import { PipelineStage, PlatformError, type RouteInfo, type RouteStage, type RouteStepFn } from '@mikasmissions/http';
import { ChaosDecorator } from './chaos.decorator';
import { markRetryable } from './resilience.errors';

/** The error `@Chaos` injects (retryable, counts as a breaker failure). */
export class ChaosInjectedError extends PlatformError {
  constructor() {
    super(503, 'chaos_injected', 'failure injected by @Chaos (FLAG_CHAOS=true)');
    markRetryable(this);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Stage `chaos` for routes carrying {@link Chaos}, planned only when `FLAG_CHAOS=true`. It
 * runs inside `resilience`, so injected failures count for the breaker.
 */
@PipelineStage({ kind: 'step', name: 'chaos' })
@Injectable()
export class ChaosStage implements RouteStage<RouteStepFn> {
  private readonly enabled: boolean;

  constructor(
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.enabled = config.flags.CHAOS === true;
  }

  plan(route: RouteInfo): RouteStepFn | undefined {
    const chaos = this.enabled ? this.reflector.get(ChaosDecorator, route.handler) : undefined;
    if (!chaos) return undefined;
    return async (_call, next) => {
      if (Math.random() < chaos.probability) await sleep(chaos.delayMs);
      if (Math.random() < chaos.errorRate) throw new ChaosInjectedError();
      return next();
    };
  }
}
