import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ZodValidationPipe } from 'nestjs-zod';
import { HttpErrorFilter } from './http-error.filter';

/**
 * Registers the platform's global error filter (one error body shape) and the zod
 * validation pipe (bad input → 400 `VALIDATION_FAILED`). Import once in every app.
 */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    { provide: APP_PIPE, useClass: ZodValidationPipe },
  ],
})
export class PlatformHttpModule {}
