import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppConfig } from '@mikasmissions/config';
import { PlatformError } from '@mikasmissions/http';
import { FlagDecorator } from './flag.decorator';

/** Thrown for a route whose feature flag is off. */
export class FeatureDisabledError extends PlatformError {
  constructor(status: number, flag: string) {
    super(status, status === 404 ? 'NOT_FOUND' : 'FEATURE_DISABLED', status === 404 ? 'Not found' : `feature ${flag} is disabled`);
  }
}

/** Global guard enforcing {@link Flag} from the validated configuration's flags. */
@Injectable()
export class FlagGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const flag = this.reflector.getAllAndOverride(FlagDecorator, [context.getHandler(), context.getClass()]);
    if (!flag || this.config.flags[flag.name] === true) return true;
    throw new FeatureDisabledError(flag.status, flag.name);
  }
}
