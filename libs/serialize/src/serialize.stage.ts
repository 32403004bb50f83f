import { Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { declareStageDecorator, PipelineStage, type RouteInfo, type RouteStage, type RouteStepFn } from '@mikasmissions/http';
import { SerializeDecorator } from './serialize.decorator';

declareStageDecorator({ kind: 'step', name: 'serialize' }, SerializeDecorator.KEY, '@Serialize', 'SerializeModule');

/**
 * Stage `serialize` (innermost): adds the JSON text of the route's compiled serializer to the
 * handler's result and keeps the value, so `@Publish` still maps the entity.
 */
@PipelineStage({ kind: 'step', name: 'serialize' })
@Injectable()
export class SerializeStage implements RouteStage<RouteStepFn> {
  constructor(private readonly reflector: Reflector) {}

  plan(route: RouteInfo): RouteStepFn | undefined {
    const meta = this.reflector.get(SerializeDecorator, route.handler) ?? this.reflector.get(SerializeDecorator, route.controller);
    if (!meta) return undefined;
    return async (_call, next) => {
      const result = await next();
      if (result.origin !== 'handler' || result.value === undefined || result.value === null) return result;
      return result.withJson(meta.stringify(result.value));
    };
  }
}
