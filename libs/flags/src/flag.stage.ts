import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@mikasmissions/config';
import {
  declareStageDecorator,
  PipelineStage,
  PlatformError,
  type RouteGuardFn,
  type RouteInfo,
  type RouteStage,
} from '@mikasmissions/http';
import { FlagDecorator } from './flag.decorator';

declareStageDecorator({ kind: 'guard', name: 'flag' }, FlagDecorator.KEY, '@Flag', 'FlagsModule');

/** Thrown for a route whose feature flag is off. */
export class FeatureDisabledError extends PlatformError {
  constructor(status: number, flag: string) {
    super(status, status === 404 ? 'not_found' : 'feature_disabled', status === 404 ? 'Not found' : `feature ${flag} is disabled`);
  }
}

/** Guard stage `flag`: enforces {@link Flag} from the validated configuration's flags, on routes that carry it. */
@PipelineStage({ kind: 'guard', name: 'flag' })
@Injectable()
export class FlagStage implements RouteStage<RouteGuardFn> {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  plan(route: RouteInfo): RouteGuardFn | undefined {
    const flag = this.reflector.getAllAndOverride(FlagDecorator, [route.handler, route.controller]);
    if (!flag) return undefined;
    return () => {
      if (this.config.flags[flag.name] !== true) throw new FeatureDisabledError(flag.status, flag.name);
    };
  }
}
