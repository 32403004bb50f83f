import { Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { moderationConfig } from '../moderation.config';
import { loadModerationRules } from './moderation-rules';
import { PolicyEvaluator } from './policy-evaluator';

/**
 * The policy rules, loaded once at start-up from `MODERATION_RULES_FILE` (or the built-in
 * defaults) plus `MODERATION_TRUSTED_CREATORS`; a bad file stops the start-up with its problems.
 */
@UsesConfig(moderationConfig)
@Module({
  providers: [
    {
      provide: PolicyEvaluator,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const env = config.slice(moderationConfig);
        return new PolicyEvaluator(
          loadModerationRules(env.MODERATION_RULES_FILE, env.MODERATION_TRUSTED_CREATORS),
          env.MODERATION_DEFAULT_LANGUAGE,
        );
      },
    },
  ],
  exports: [PolicyEvaluator],
})
export class PolicyModule {}
