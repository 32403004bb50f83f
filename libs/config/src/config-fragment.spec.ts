import { forwardRef, Module, type DynamicModule } from '@nestjs/common';
import { z } from 'zod';
import { collectConfigFragments } from './collect-config-fragments';
import { defineConfigFragment } from './config-fragment';
import { ConfigValidationError } from './config.errors';
import { envPositiveInt } from './env-fields';
import { loadConfig } from './load-config';
import { UsesConfig } from './uses-config.decorator';

const pollConfig = defineConfigFragment('poll', z.object({ POLL_MS: envPositiveInt().default(500) }), (e) => ({ pollMs: e.POLL_MS }));
const ttlConfig = defineConfigFragment('ttl', z.object({ TTL_SEC: z.coerce.number().int().min(30).optional() }));

describe('config fragments', () => {
  it('parses each fragment in the same pass and hands out typed slices', () => {
    const config = loadConfig({ JWT_SECRET: 's', POLL_MS: '250', TTL_SEC: '' }, [pollConfig, ttlConfig]);
    expect(config.slice(pollConfig)).toEqual({ pollMs: 250 });
    expect(config.slice(ttlConfig)).toEqual({});
    expect(loadConfig({ JWT_SECRET: 's' }, [pollConfig]).slice(pollConfig)).toEqual({ pollMs: 500 });
  });

  it('lists the problems of the core and of every fragment together, one line each', () => {
    let problems: string[] = [];
    try {
      loadConfig({ REDIS_URL: 'nope', POLL_MS: 'abc', TTL_SEC: '0' }, [pollConfig, ttlConfig]);
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigValidationError);
      problems = (error as ConfigValidationError).problems;
    }
    expect(problems).toEqual([
      'REDIS_URL: expected a Redis URL (redis:// or rediss://)',
      'JWT_SECRET: required unless both JWT_PRIVATE_KEY_PEM and JWT_PUBLIC_KEY_PEM are set',
      'POLL_MS: expected a positive integer',
      expect.stringMatching(/^TTL_SEC: /),
    ]);
  });

  it('refuses a slice that was not loaded, and variables with two owners', () => {
    expect(() => loadConfig({ JWT_SECRET: 's' }).slice(pollConfig)).toThrow('config fragment "poll" was not loaded');
    const clash = defineConfigFragment('clash', z.object({ POLL_MS: z.string().optional() }));
    expect(() => loadConfig({ JWT_SECRET: 's' }, [pollConfig, clash])).toThrow(
      'POLL_MS is declared by config fragment "clash" and by config fragment "poll"',
    );
    const core = defineConfigFragment('core-clash', z.object({ REDIS_URL: z.string().optional() }));
    expect(() => loadConfig({ JWT_SECRET: 's' }, [core])).toThrow(
      'REDIS_URL is declared by config fragment "core-clash" and by the core schema',
    );
    expect(() => loadConfig({ JWT_SECRET: 's' }, [pollConfig, pollConfig])).not.toThrow();
  });

  it('rejects bad fragment names and @UsesConfig arguments at declaration', () => {
    expect(() => defineConfigFragment('Poll', z.object({}))).toThrow('lowercase kebab-case');
    expect(() => UsesConfig()).toThrow('@UsesConfig: pass one or more fragments');
    expect(() => UsesConfig({} as never)).toThrow('@UsesConfig: pass one or more fragments');
  });
});

describe('collectConfigFragments', () => {
  @UsesConfig(ttlConfig)
  @Module({})
  class TtlModule {}

  @UsesConfig(pollConfig)
  @Module({})
  class PollModule {
    static forRoot(): DynamicModule {
      return { module: PollModule, imports: [TtlModule] };
    }
  }

  @Module({ imports: [forwardRef(() => FeatureModule)] })
  class CycleModule {}

  @Module({ imports: [PollModule.forRoot(), CycleModule] })
  class FeatureModule {}

  it('walks classes, forRoot() results and forwardRef, each fragment once', () => {
    @Module({ imports: [FeatureModule, TtlModule] })
    class AppModule {}
    expect(collectConfigFragments(AppModule)).toEqual([pollConfig, ttlConfig]);
  });
});
