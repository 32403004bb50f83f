import { Module } from '@nestjs/common';
import { BenchController } from './bench.controller';

/** Benchmark routes (only with `FLAG_BENCH=true`). */
@Module({ controllers: [BenchController] })
export class BenchModule {}
