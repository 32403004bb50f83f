import { Module } from '@nestjs/common';
import { ChaosStage } from './chaos.stage';
import { ResilienceStage } from './resilience.stage';
import { ResilienceService } from './resilience.service';

/**
 * Enables {@link Resilience} and {@link Chaos} on every route (the `resilience` and `chaos` stages of
 * the request pipeline, for routes that carry them; chaos runs inside the breaker so injected failures count) and provides {@link ResilienceService} for code.
 * With `HealthModule`, circuits are reported in `/ready`.
 *
 * @example
 * @Module({ imports: [HealthModule, ResilienceModule] })
 */
@Module({
  providers: [ResilienceService, ResilienceStage, ChaosStage],
  exports: [ResilienceService],
})
export class ResilienceModule {}
