import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { SerializeInterceptor } from './serialize.interceptor';

/**
 * Enables {@link Serialize} on every route of the app (a global interceptor).
 *
 * @example
 * @Module({ imports: [SerializeModule] })
 */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: SerializeInterceptor }] })
export class SerializeModule {}
