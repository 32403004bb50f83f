import type { ErrorBody, ParentSignupRequest, RequestBody, ResponseBody, Schema } from './index';
import { ERROR_CODES, OPERATION_ERROR_CODES } from './index';

/**
 * Type-level checks: `pnpm run typecheck` fails when a DTO drifts from the spec. Each
 * `@ts-expect-error` line must stay an error; if the spec changes so it is not, tsc reports
 * the unused directive.
 */
describe('generated contract types', () => {
  it('accept a body that matches the spec', () => {
    const signup = {
      email: 'parent@example.org',
      password: 'correct horse battery',
      country: 'DE',
      language: 'de',
      marketing: false,
      accepted_terms: true,
    } satisfies ParentSignupRequest;
    const created = { parent_user_id: 'p-1', status: 'pending_consent' } satisfies ResponseBody<'parentSignup', 201>;
    const error = { error: { code: 'email_taken', message: 'taken', requestId: 'r-1' } } satisfies ErrorBody;
    expect([signup.email, created.status, error.error.code]).toEqual(['parent@example.org', 'pending_consent', 'email_taken']);
  });

  it('reject a DTO that drifts from the spec', () => {
    // @ts-expect-error a misspelled field (acceptedTerms) is not the contract's accepted_terms
    const renamed: ParentSignupRequest = { email: 'a@b.co', password: 'x'.repeat(10), country: 'DE', language: 'de', acceptedTerms: true };
    // @ts-expect-error a required field is missing (accepted_terms)
    const missing: ParentSignupRequest = { email: 'a@b.co', password: 'x'.repeat(10), country: 'DE', language: 'de' };
    // @ts-expect-error age bands are '3-5' | '6-11' | '12-16'
    const band: Schema<'AgeBand'> = '6-12';
    // @ts-expect-error kids home mode is early | core | teen
    const mode: Schema<'KidsMode'> = 'kids';
    const controls: Schema<'ParentalControls'> = {
      autoplay: false,
      chat_enabled: false,
      external_links: false,
      session_limit_minutes: 30,
      bedtime_window: '20:00-07:00',
      // @ts-expect-error safety_mode is strict | balanced
      safety_mode: 'lenient',
    };
    const watch: RequestBody<'recordWatchEvent'> = {
      child_profile_id: 'c',
      episode_id: 'e',
      // @ts-expect-error watch_ms is a number, not a string
      watch_ms: '1000',
      event_time: '2026-01-01T00:00:00Z',
    };
    // @ts-expect-error an error code outside the catalogue
    const unknownCode: ErrorBody = { error: { code: 'VALIDATION_FAILED', message: 'm', requestId: 'r' } };
    // @ts-expect-error the signup answer has no token
    const login: ResponseBody<'parentSignup', 201> = { parent_user_id: 'p', status: 'pending_consent', access_token: 't' };
    expect([renamed, missing, band, mode, controls, watch, unknownCode, login]).toHaveLength(8);
  });

  it('list every operation error code in the catalogue', () => {
    const catalogue = new Set<string>(ERROR_CODES);
    const used = Object.values(OPERATION_ERROR_CODES).flatMap((byStatus) => Object.values(byStatus).flat());
    expect(used.filter((c) => !catalogue.has(c))).toEqual([]);
    expect(OPERATION_ERROR_CODES.parentSignup['400']).toEqual(
      expect.arrayContaining(['terms_required', 'invalid_email', 'weak_password', 'missing_profile']),
    );
  });
});
