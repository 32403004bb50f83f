import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { FlagGuard } from './flag.guard';

/**
 * Enables {@link Flag} on every route of the app (a global guard). Flags come from the
 * validated `FLAG_<NAME>=true|false` variables of `AppConfig`.
 *
 * @example
 * @Module({ imports: [FlagsModule] })
 */
@Module({ providers: [{ provide: APP_GUARD, useClass: FlagGuard }] })
export class FlagsModule {}
