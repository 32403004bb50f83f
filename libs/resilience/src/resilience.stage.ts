import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { declareStageDecorator, PipelineStage, type RouteInfo, type RouteStage, type RouteStepFn } from '@mikasmissions/http';
import { runAttempt } from './attempt-signal';
import { ResilienceDecorator } from './resilience.decorator';
import { ResilienceService } from './resilience.service';

declareStageDecorator({ kind: 'step', name: 'resilience' }, ResilienceDecorator.KEY, '@Resilience', 'ResilienceModule');

/**
 * Stage `resilience` for routes carrying {@link Resilience}: one circuit per route, named
 * `Controller.handler`; an open circuit answers 503 without reaching the handler.
 */
@PipelineStage({ kind: 'step', name: 'resilience' })
@Injectable()
export class ResilienceStage implements RouteStage<RouteStepFn> {
  constructor(
    private readonly reflector: Reflector,
    private readonly resilience: ResilienceService,
  ) {}

  plan(route: RouteInfo): RouteStepFn | undefined {
    const policy = this.reflector.get(ResilienceDecorator, route.handler);
    if (!policy) return undefined;
    const circuit = this.resilience.circuit(route.name, policy);
    return (_call, next) => circuit.execute((signal) => runAttempt(signal, next));
  }
}
