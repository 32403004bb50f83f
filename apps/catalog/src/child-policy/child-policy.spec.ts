import { denialOf, type ChildPolicy } from './child-policy';
import { MemoryChildPolicySource } from './adapters/memory-child-policy.source';

const open: ChildPolicy = { ageBand: '6-11', approvedOnly: false, approvedShowIds: [], blockedShowIds: [] };
const episode = (ageBand: '3-5' | '6-11' | '12-16', showId = 'show-a') => ({ ageBand, showId });

describe('the child episode policy, rule by rule', () => {
  it('allows an episode at or below the child band when nothing else applies', () => {
    expect(denialOf(open, episode('6-11'))).toBeNull();
    expect(denialOf(open, episode('3-5'))).toBeNull();
  });

  it('refuses an unknown child', () => {
    expect(denialOf(null, episode('3-5'))).toBe('child_profile_unknown');
  });

  it("refuses an episode above the child's own band", () => {
    expect(denialOf(open, episode('12-16'))).toBe('above_child_age_band');
    expect(denialOf({ ...open, ageBand: '3-5' }, episode('6-11'))).toBe('above_child_age_band');
  });

  it("refuses an episode above the parent's max_age_band, even within the child's band", () => {
    const capped = { ...open, ageBand: '12-16' as const, maxAgeBand: '3-5' as const };
    expect(denialOf(capped, episode('6-11'))).toBe('above_max_age_band');
    expect(denialOf(capped, episode('3-5'))).toBeNull();
  });

  it('refuses a blocked show', () => {
    expect(denialOf({ ...open, blockedShowIds: ['show-a'] }, episode('3-5', 'show-a'))).toBe('show_blocked');
    expect(denialOf({ ...open, blockedShowIds: ['show-a'] }, episode('3-5', 'show-b'))).toBeNull();
  });

  it('with approved_only, refuses every show but the approved ones', () => {
    const approved = { ...open, approvedOnly: true, approvedShowIds: ['show-b'] };
    expect(denialOf(approved, episode('3-5', 'show-a'))).toBe('show_not_approved');
    expect(denialOf(approved, episode('3-5', 'show-b'))).toBeNull();
    expect(denialOf({ ...open, approvedOnly: false, approvedShowIds: ['show-b'] }, episode('3-5', 'show-a'))).toBeNull();
  });

  it('the memory source knows a child only once set, and keeps its own copy', async () => {
    const source = new MemoryChildPolicySource();
    expect(await source.policyOf('c1')).toBeNull();
    const blocked = ['show-a'];
    source.set('c1', { ...open, blockedShowIds: blocked });
    blocked.push('show-b');
    expect(await source.policyOf('c1')).toEqual({ ...open, blockedShowIds: ['show-a'] });
  });
});
