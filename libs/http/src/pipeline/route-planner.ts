import { Injectable, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ApplicationConfig, DiscoveryService, HttpAdapterHost, MetadataScanner, ModulesContainer } from '@nestjs/core';
import type { InstanceWrapper } from '@nestjs/core/injector/instance-wrapper';
import { dropClsPlaceholders } from './pass-through-enhancers';
import { hasLateArguments, planRouteHandler } from './route-handler.wrapper';
import { GUARD_ORDER, STEP_ORDER } from './route-pipeline.order';
import { declaredStageDecorators, PipelineStageDecorator, type PipelineStageMetadata } from './route-stage.decorator';
import type { RouteGuardFn, RouteInfo, RouteStage, RouteStepFn } from './route-stage';

type Handler = (...args: unknown[]) => unknown;
interface Found {
  meta: PipelineStageMetadata;
  stage: RouteStage<unknown>;
  owner: string;
}

/**
 * Works out every route's pipeline once, at start-up: finds the stage providers
 * (`@PipelineStage`), orders them as `route-pipeline.order.ts` declares, asks each for the
 * route's plan, wraps handlers that carry a decorator and keeps each route's guard list.
 * A route without decorators is left untouched.
 */
@Injectable()
export class RoutePlanner {
  private readonly guards = new Map<Handler, RouteGuardFn[]>();
  private guardStages: RouteStage<RouteGuardFn>[] = [];
  private applied = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly adapterHost: HttpAdapterHost,
    private readonly modules: ModulesContainer,
    private readonly appConfig: ApplicationConfig,
  ) {}

  /** Plans every route of the app; idempotent. Runs before Nest registers the routes. */
  apply(): void {
    if (this.applied) return;
    this.applied = true;
    dropClsPlaceholders(this.modules, this.appConfig);
    const found = this.findStages();
    const steps = STEP_ORDER.flatMap((name) => found.filter((f) => f.meta.kind === 'step' && f.meta.name === name)).map(
      (f) => f.stage as RouteStage<RouteStepFn>,
    );
    this.guardStages = GUARD_ORDER.flatMap((name) => found.filter((f) => f.meta.kind === 'guard' && f.meta.name === name)).map(
      (f) => f.stage as RouteStage<RouteGuardFn>,
    );
    const missing: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object' || !wrapper.isDependencyTreeStatic()) continue;
      const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method] as Handler;
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined || Reflect.getMetadata(METHOD_METADATA, handler) === undefined)
          continue;
        const route: RouteInfo = {
          controller: wrapper.metatype as Type<unknown>,
          handler,
          name: `${(wrapper.metatype as Type<unknown>).name}.${method}`,
        };
        missing.push(...this.unservedDecorators(route, found));
        const planned = steps.map((s) => s.plan(route)).filter((fn): fn is RouteStepFn => fn !== undefined);
        if (planned.length > 0 || hasLateArguments(prototype, method))
          planRouteHandler(instance, method, { route, steps: planned, http: this.adapterHost.httpAdapter });
        this.guards.set(prototype[method] as Handler, this.planGuards(route));
      }
    }
    if (missing.length > 0) throw new Error(`request pipeline: ${missing.join('; ')}`);
  }

  private unservedDecorators(route: RouteInfo, found: Found[]): string[] {
    return declaredStageDecorators()
      .filter((d) => Reflect.getMetadata(d.key, route.handler) !== undefined || Reflect.getMetadata(d.key, route.controller) !== undefined)
      .filter((d) => !found.some((f) => f.meta.kind === d.stage.kind && f.meta.name === d.stage.name))
      .map((d) => `${route.name}: ${d.label}`);
  }

  /** The guard functions of a route, in the declared order (planned at start-up). */
  guardsFor(handler: Handler, controller: Type<unknown>): RouteGuardFn[] {
    let planned = this.guards.get(handler);
    if (!planned) {
      planned = this.planGuards({ controller, handler, name: `${controller.name}.${handler.name}` });
      this.guards.set(handler, planned);
    }
    return planned;
  }

  private planGuards(route: RouteInfo): RouteGuardFn[] {
    return this.guardStages.map((s) => s.plan(route)).filter((fn): fn is RouteGuardFn => fn !== undefined);
  }

  private findStages(): Found[] {
    const found: Found[] = [];
    for (const wrapper of this.discovery.getProviders() as InstanceWrapper[]) {
      const meta = wrapper.metatype && !wrapper.inject ? this.reflectStage(wrapper.metatype) : undefined;
      if (!meta || !wrapper.instance) continue;
      const twin = found.find((f) => f.meta.kind === meta.kind && f.meta.name === meta.name);
      if (twin && twin.stage === wrapper.instance) continue;
      if (twin)
        throw new Error(
          `request pipeline: stage "${meta.name}" is provided twice (${twin.owner} and ${wrapper.host?.name ?? wrapper.name}); import its module once`,
        );
      found.push({ meta, stage: wrapper.instance as RouteStage<unknown>, owner: wrapper.host?.name ?? String(wrapper.name) });
    }
    return found;
  }

  private reflectStage(metatype: unknown): PipelineStageMetadata | undefined {
    return typeof metatype === 'function'
      ? (Reflect.getMetadata(PipelineStageDecorator.KEY, metatype) as PipelineStageMetadata | undefined)
      : undefined;
  }
}
