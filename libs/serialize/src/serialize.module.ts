import { Module } from '@nestjs/common';
import { SerializeStage } from './serialize.stage';

/**
 * Enables {@link Serialize}: routes that carry it get the `serialize` stage of the request
 * pipeline; other routes pay nothing.
 *
 * @example
 * @Module({ imports: [SerializeModule] })
 */
@Module({ providers: [SerializeStage] })
export class SerializeModule {}
