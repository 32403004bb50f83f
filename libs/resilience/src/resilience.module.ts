import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { ChaosInterceptor } from './chaos.interceptor';
import { ResilienceInterceptor } from './resilience.interceptor';
import { ResilienceService } from './resilience.service';

/**
 * Enables {@link Resilience} and {@link Chaos} on every route (global interceptors; chaos runs
 * inside the breaker so injected failures count) and provides {@link ResilienceService} for code.
 * With `HealthModule`, circuits are reported in `/ready`.
 *
 * @example
 * @Module({ imports: [HealthModule, ResilienceModule] })
 */
@Module({
  providers: [ResilienceService, { provide: APP_INTERCEPTOR, useClass: ResilienceInterceptor }, { provide: APP_INTERCEPTOR, useClass: ChaosInterceptor }],
  exports: [ResilienceService],
})
export class ResilienceModule {}
