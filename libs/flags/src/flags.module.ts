import { Module } from '@nestjs/common';
import { FlagStage } from './flag.stage';

/**
 * Enables {@link Flag}: routes that carry it get the `flag` guard stage of the request
 * pipeline. Flags come from the validated `FLAG_<NAME>=true|false` variables of `AppConfig`.
 *
 * @example
 * @Module({ imports: [FlagsModule] })
 */
@Module({ providers: [FlagStage] })
export class FlagsModule {}
