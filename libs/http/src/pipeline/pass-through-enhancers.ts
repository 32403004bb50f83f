import type { ApplicationConfig, ModulesContainer } from '@nestjs/core';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';

/**
 * nestjs-cls registers a pass-through APP_INTERCEPTOR (`next.handle()`) and APP_GUARD
 * (`true`) even when its interceptor and guard are not mounted (the platform mounts its
 * middleware instead). A single pass-through interceptor still costs every route Nest's
 * whole rxjs interceptor chain, so the planner drops exactly those two placeholders: plain
 * objects provided by `ClsRootModule`. Returns how many were dropped.
 */
export function dropClsPlaceholders(modules: ModulesContainer, config: ApplicationConfig): number {
  let dropped = 0;
  for (const module of modules.values()) {
    if (module.metatype?.name !== 'ClsRootModule') continue;
    for (const [token, wrapper] of module.providers) {
      const instance = wrapper.instance as object | undefined;
      if (typeof token !== 'string' || !instance || Object.getPrototypeOf(instance) !== Object.prototype) continue;
      const list = token.startsWith(APP_INTERCEPTOR)
        ? config.getGlobalInterceptors()
        : token.startsWith(APP_GUARD)
          ? config.getGlobalGuards()
          : undefined;
      const at = list?.indexOf(instance as never) ?? -1;
      if (list && at >= 0) {
        list.splice(at, 1);
        dropped++;
      }
    }
  }
  return dropped;
}
