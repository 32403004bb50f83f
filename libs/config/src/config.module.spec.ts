import { Inject, Injectable, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { z } from 'zod';
import { AppConfig } from './app-config';
import { defineConfigFragment } from './config-fragment';
import { ConfigValidationError } from './config.errors';
import { PlatformConfigModule } from './config.module';
import { envPositiveInt } from './env-fields';
import { UsesConfig } from './uses-config.decorator';

const pollConfig = defineConfigFragment('poll', z.object({ POLL_MS: envPositiveInt().default(500) }));

@Injectable()
class Poller {
  constructor(@Inject(AppConfig) readonly config: AppConfig) {}
  get pollMs(): number {
    return this.config.slice(pollConfig).POLL_MS;
  }
}

@UsesConfig(pollConfig)
@Module({ providers: [Poller], exports: [Poller] })
class PollModule {}

const compile = (env: Record<string, string>) =>
  Test.createTestingModule({ imports: [PlatformConfigModule.forRoot({ env }), PollModule] }).compile();

describe('PlatformConfigModule', () => {
  it('validates the fragments of the modules Nest scanned, with the core, in one pass', async () => {
    const app = await compile({ JWT_SECRET: 's', POLL_MS: '250' });
    expect(app.get(Poller).pollMs).toBe(250);
    await app.close();
  });

  it('fails the start-up with one line per problem across core and fragments', async () => {
    const failure = await compile({ USE_FASTIFY: 'sometimes', POLL_MS: 'abc' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConfigValidationError);
    expect((failure as ConfigValidationError).problems).toEqual([
      'USE_FASTIFY: expected true or false',
      'JWT_SECRET: required unless both JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are set',
      'POLL_MS: expected a positive integer',
    ]);
  });
});
