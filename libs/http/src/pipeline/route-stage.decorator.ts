import { Reflector } from '@nestjs/core';
import type { GuardStageName, StepStageName } from './route-pipeline.order';

/** What {@link PipelineStage} stores on a provider class. */
export type PipelineStageMetadata = { kind: 'guard'; name: GuardStageName } | { kind: 'step'; name: StepStageName };

/** The metadata key of {@link PipelineStage}. */
export const PipelineStageDecorator = Reflector.createDecorator<PipelineStageMetadata>();

/**
 * Marks a provider as the stage `name` of the request pipeline; the planner slots it by
 * name into the declared order (`route-pipeline.order.ts`) and asks it for each route's plan.
 * A guard stage implements `RouteStage<RouteGuardFn>`, a step `RouteStage<RouteStepFn>`.
 *
 * @example
 * @PipelineStage({ kind: 'step', name: 'cache' })
 * @Injectable()
 * export class CacheStage implements RouteStage<RouteStepFn> { plan(route) { … } }
 */
export const PipelineStage = (metadata: PipelineStageMetadata): ClassDecorator => PipelineStageDecorator(metadata);

const stageDecorators: Array<{ stage: PipelineStageMetadata; key: string; label: string }> = [];

/**
 * Declares that route metadata `key` (written by decorator `label`) is served by `stage`, so
 * the planner can stop the app when a route carries the decorator but no module provides its
 * stage — instead of the decorator silently doing nothing.
 *
 * @example
 * declareStageDecorator({ kind: 'step', name: 'publish' }, PUBLISH_METADATA.KEY, '@Publish', 'MessagingModule (PlatformModule messaging option)');
 */
export function declareStageDecorator(stage: PipelineStageMetadata, key: string, label: string, enabledBy: string): void {
  if (!stageDecorators.some((d) => d.key === key)) stageDecorators.push({ stage, key, label: `${label} needs ${enabledBy}` });
}

/** Every declared decorator key with its stage. */
export function declaredStageDecorators(): ReadonlyArray<{ stage: PipelineStageMetadata; key: string; label: string }> {
  return stageDecorators;
}
