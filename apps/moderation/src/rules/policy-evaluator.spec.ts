import type { MediaTranscodedPayload } from '@mikasmissions/contracts-events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlockedTermMatcher } from './blocked-terms';
import { DEFAULT_RULES, loadModerationRules, ModerationRulesError, moderationRulesSchema } from './moderation-rules';
import { PolicyEvaluator } from './policy-evaluator';

const asset = (overrides: Partial<MediaTranscodedPayload> = {}): MediaTranscodedPayload => ({
  assetId: 'a1',
  episodeId: 'a1',
  creatorId: 'creator-ok',
  durationMs: 3_000,
  renditions: [{ profile: '360p', storageKey: 'episodes/a1/360p/index.m3u8' }],
  title: 'Counting stars',
  summary: 'Mika counts to ten.',
  ageBand: '6-11',
  learningTags: ['counting'],
  ...overrides,
});

const trusted = loadModerationRules(undefined, ['creator-ok']);
const policy = new PolicyEvaluator(trusted, 'en');

describe('BlockedTermMatcher', () => {
  it('matches whole words only, case- and width-insensitive, multi-word terms over any whitespace', () => {
    const m = new BlockedTermMatcher(['kill', 'bad  word', 'töten']);
    expect(m.find('Skills and killer whales')).toEqual([]);
    expect(m.find('Do not KILL the ＫＩＬＬ')).toEqual(['kill']);
    expect(m.find('a bad\n word here')).toEqual(['bad word']);
    expect(m.find('Nicht TÖTEN!')).toEqual(['töten']);
    expect(m.find('tötend')).toEqual([]);
  });
});

describe('PolicyEvaluator', () => {
  it('approves a clean asset of a trusted creator with no rule fired', () => {
    expect(policy.evaluate(asset())).toEqual({ decision: 'approved', rules: [], language: 'en', trust: 'trusted' });
  });

  it('rejects a missing age band (hard), never assuming one', () => {
    const verdict = policy.evaluate(asset({ ageBand: undefined }));
    expect(verdict).toMatchObject({ decision: 'rejected', reason: 'age_band_missing' });
  });

  it('rejects an age band the rules do not allow and a blocked tag', () => {
    const only35 = new PolicyEvaluator({ ...trusted, ageBands: ['3-5'] }, 'en');
    expect(only35.evaluate(asset()).reason).toBe('age_band_not_allowed');
    expect(only35.evaluate(asset({ ageBand: '3-5' })).decision).toBe('approved');
    const verdict = policy.evaluate(asset({ learningTags: ['counting', 'Horror'] }));
    expect(verdict).toMatchObject({
      decision: 'rejected',
      reason: 'blocked_tag',
      rules: [{ rule: 'blocked_tag', severity: 'hard', detail: 'tag Horror' }],
    });
  });

  it('rejects a hard term and queues a soft term, in title or summary, per the event language', () => {
    expect(policy.evaluate(asset({ title: 'How to kill time' }))).toMatchObject({
      decision: 'rejected',
      reason: 'blocked_term',
      rules: [{ rule: 'blocked_term', severity: 'hard', detail: 'en: kill' }],
    });
    expect(policy.evaluate(asset({ summary: 'A scary night' }))).toMatchObject({ decision: 'queued', reason: 'flagged_term' });
    expect(policy.evaluate(asset({ title: 'Der Mord', language: 'de' }))).toMatchObject({ decision: 'rejected', language: 'de' });
    expect(policy.evaluate(asset({ title: 'Der Mord', language: 'en' })).decision).toBe('approved');
    expect(policy.evaluate(asset({ title: 'Ein gruseliger Wald', language: 'de-AT' })).decision).toBe('approved');
    expect(policy.evaluate(asset({ title: 'Gruselig!', language: 'de-AT' }))).toMatchObject({ decision: 'queued', language: 'de' });
  });

  it('takes the default language for an event without one, and queues a language without a list', () => {
    const german = new PolicyEvaluator(trusted, 'de');
    expect(german.evaluate(asset({ title: 'Drogen' })).decision).toBe('rejected');
    expect(policy.evaluate(asset({ title: 'Drogen' })).decision).toBe('approved');
    expect(policy.evaluate(asset({ language: 'fr' }))).toMatchObject({ decision: 'queued', reason: 'language_unreviewed', language: 'fr' });
  });

  it('rejects a duration outside the bounds, at both ends', () => {
    const bounded = new PolicyEvaluator({ ...trusted, durationMs: { min: 2_000, max: 10_000 } }, 'en');
    expect(bounded.evaluate(asset({ durationMs: 1_999 })).reason).toBe('duration_out_of_bounds');
    expect(bounded.evaluate(asset({ durationMs: 10_001 })).reason).toBe('duration_out_of_bounds');
    expect(bounded.evaluate(asset({ durationMs: 2_000 })).decision).toBe('approved');
    expect(bounded.evaluate(asset({ durationMs: 10_000 })).decision).toBe('approved');
  });

  it('queues a passing asset of a low or unknown creator, and whenever review is required', () => {
    expect(policy.evaluate(asset({ creatorId: 'stranger' }))).toMatchObject({
      decision: 'queued',
      reason: 'creator_trust',
      trust: 'unknown',
    });
    const low = new PolicyEvaluator({ ...trusted, trust: { ...trusted.trust, creators: { 'creator-ok': 'low' } } }, 'en');
    expect(low.evaluate(asset())).toMatchObject({ decision: 'queued', trust: 'low' });
    expect(policy.evaluate(asset({ reviewRequired: true }))).toMatchObject({ decision: 'queued', reason: 'review_required' });
    expect(policy.evaluate(asset({ reviewRequired: false })).decision).toBe('approved');
  });

  it('a hard rule wins over soft ones and names every rule that fired', () => {
    const verdict = policy.evaluate(asset({ creatorId: 'stranger', title: 'A scary fight', summary: 'gore', reviewRequired: true }));
    expect(verdict.decision).toBe('rejected');
    expect(verdict.reason).toBe('blocked_term');
    expect(verdict.rules.map((r) => `${r.severity}:${r.rule}`)).toEqual([
      'hard:blocked_term',
      'soft:flagged_term',
      'soft:flagged_term',
      'soft:creator_trust',
      'soft:review_required',
    ]);
  });
});

describe('loadModerationRules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mm-rules-'));
  const write = (name: string, content: string) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return file;
  };

  it('the committed moderation-rules.json is the built-in default', () => {
    expect(loadModerationRules(join(__dirname, '..', '..', 'moderation-rules.json'))).toEqual(DEFAULT_RULES);
  });

  it('fills defaults, adds MODERATION_TRUSTED_CREATORS and refuses bad files at load', () => {
    const rules = loadModerationRules(write('min.json', '{"trust":{"creators":{"c1":"low"}}}'), ['c2']);
    expect(rules.ageBands).toEqual(['3-5', '6-11', '12-16']);
    expect(rules.trust).toEqual({ default: 'unknown', queueLevels: ['low', 'unknown'], creators: { c1: 'low', c2: 'trusted' } });
    expect(() => loadModerationRules(write('bad.json', '{"durationMs":{"min":5,"max":1}}'))).toThrow(ModerationRulesError);
    expect(() => loadModerationRules(write('extra.json', '{"blockedWords":[]}'))).toThrow(/blockedWords|Unrecognized/);
    expect(() => loadModerationRules(write('broken.json', '{'))).toThrow(ModerationRulesError);
    expect(() => loadModerationRules(join(dir, 'missing.json'))).toThrow(/ENOENT/);
    expect(() => moderationRulesSchema.parse({ trust: { default: 'gold' } })).toThrow();
  });
});
