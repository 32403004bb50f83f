import { Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { HttpErrorFilter } from './http-error.filter';
import { RoutePlanner } from './pipeline/route-planner';
import { RouteGuard } from './pipeline/route.guard';
import { TenantHeaderStage } from './pipeline/tenant-header.stage';

/**
 * The HTTP frame of every app: the one error filter (one error body shape), the zod
 * validation pipe (bad input → 400 `VALIDATION_FAILED`) and the declared request pipeline —
 * one global guard running the guard stages in order, and each route's decorator stages
 * planned once at start-up (see `pipeline/route-pipeline.order.ts`). Import once in every app.
 */
@Module({
  imports: [DiscoveryModule],
  providers: [
    RoutePlanner,
    TenantHeaderStage,
    { provide: APP_GUARD, useClass: RouteGuard },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    { provide: APP_PIPE, useClass: ZodValidationPipe },
  ],
  exports: [RoutePlanner],
})
export class PlatformHttpModule implements NestModule {
  constructor(private readonly planner: RoutePlanner) {}

  /** Nest calls this after every provider exists and before it registers routes: the moment to plan them. */
  configure(): void {
    this.planner.apply();
  }
}
