import type { FiredRule, MediaTranscodedPayload, ReviewDecision } from '@mikasmissions/contracts-events';
import { BlockedTermMatcher, normalizeText } from './blocked-terms';
import type { ModerationRules, TrustLevel } from './moderation-rules';

/** The policy's verdict on one asset: the decision, every rule that fired and the reason (first hard, else first soft rule). */
export interface PolicyVerdict {
  decision: ReviewDecision;
  rules: FiredRule[];
  reason?: string;
  /** The blocked-terms list used (the event's language, else the default; `en-GB` → `en`). */
  language: string;
  trust: TrustLevel;
}

/**
 * The policy rules over a transcoded asset, from config (never hard-coded values): the age band
 * and tags of the upload (a missing or not allowed band, a blocked tag: hard), blocked terms in
 * title and summary per language (hard list rejects, soft list queues), duration bounds (hard),
 * the creator's trust (an admin's level, else the configured one; a level of
 * `trust.queueLevels` queues a passing asset) and
 * `reviewRequired` (always queues). Any hard rule → `rejected`; else any soft rule → `queued`;
 * else `approved`. Pure: no I/O.
 *
 * @example
 * new PolicyEvaluator(DEFAULT_RULES, 'en').evaluate(asset).decision // 'queued' (unknown creator)
 */
export class PolicyEvaluator {
  private readonly matchers = new Map<string, { hard: BlockedTermMatcher; soft: BlockedTermMatcher }>();

  constructor(
    private readonly rules: ModerationRules,
    private readonly defaultLanguage: string,
  ) {
    for (const [language, terms] of Object.entries(rules.blockedTerms))
      this.matchers.set(language, { hard: new BlockedTermMatcher(terms.hard), soft: new BlockedTermMatcher(terms.soft) });
  }

  /** The trust level of a creator: the rules' entry, else `trust.default`. */
  trustOf(creatorId: string): TrustLevel {
    return this.rules.trust.creators[creatorId] ?? this.rules.trust.default;
  }

  /** The verdict; `trust` is the creator's level an admin set (else the configured {@link trustOf}). */
  evaluate(asset: MediaTranscodedPayload, trust: TrustLevel = this.trustOf(asset.creatorId)): PolicyVerdict {
    const fired: FiredRule[] = [];
    const hard = (rule: string, detail: string) => fired.push({ rule, severity: 'hard', detail });
    const soft = (rule: string, detail: string) => fired.push({ rule, severity: 'soft', detail });

    if (!asset.ageBand) hard('age_band_missing', 'the upload named no age band');
    else if (!this.rules.ageBands.includes(asset.ageBand)) hard('age_band_not_allowed', `age band ${asset.ageBand} is not allowed`);
    const blockedTags = new Set(this.rules.blockedTags.map(normalizeText));
    for (const tag of asset.learningTags ?? []) if (blockedTags.has(normalizeText(tag))) hard('blocked_tag', `tag ${tag}`);

    const language = (asset.language ?? this.defaultLanguage).split('-')[0].toLowerCase();
    const matcher = this.matchers.get(language);
    const text = [asset.title ?? '', asset.summary ?? ''].join('\n');
    if (matcher) {
      for (const term of matcher.hard.find(text)) hard('blocked_term', `${language}: ${term}`);
      for (const term of matcher.soft.find(text)) soft('flagged_term', `${language}: ${term}`);
    } else if (text.trim()) soft('language_unreviewed', `no blocked-terms list for language ${language}`);

    const { min, max } = this.rules.durationMs;
    if (asset.durationMs < min || asset.durationMs > max)
      hard('duration_out_of_bounds', `${asset.durationMs} ms is outside ${min}..${max} ms`);

    if (this.rules.trust.queueLevels.includes(trust)) soft('creator_trust', `creator trust ${trust}`);
    if (asset.reviewRequired) soft('review_required', 'the upload asked for a review');

    const firstHard = fired.find((r) => r.severity === 'hard');
    const decision: ReviewDecision = firstHard ? 'rejected' : fired.length > 0 ? 'queued' : 'approved';
    const reason = (firstHard ?? fired[0])?.rule;
    return { decision, rules: fired, ...(reason ? { reason } : {}), language, trust };
  }
}
