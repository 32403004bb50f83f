import { Module } from '@nestjs/common';
import { FlakyController } from './flaky.controller';

/** The resilience demo route (`GET /flaky`). */
@Module({ controllers: [FlakyController] })
export class FlakyModule {}
