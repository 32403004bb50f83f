import { roleOf } from './role-of';

describe('roleOf', () => {
  const all = {
    mm_role: 'A',
    role: 'B',
    app_metadata: { mm_role: 'C', role: 'D' },
    user_metadata: { mm_role: 'E', role: 'F' },
    user_role: 'G',
    roles: ['parent'],
  };
  const without = (...paths: string[]): Record<string, unknown> => {
    const copy = JSON.parse(JSON.stringify(all)) as Record<string, Record<string, unknown>>;
    for (const path of paths) {
      const [head, tail] = path.split('.');
      if (tail) delete copy[head][tail];
      else delete copy[head];
    }
    return copy;
  };

  it.each([
    [[], 'a'],
    [['mm_role'], 'b'],
    [['mm_role', 'role'], 'c'],
    [['mm_role', 'role', 'app_metadata.mm_role'], 'd'],
    [['mm_role', 'role', 'app_metadata'], 'e'],
    [['mm_role', 'role', 'app_metadata', 'user_metadata.mm_role'], 'f'],
    [['mm_role', 'role', 'app_metadata', 'user_metadata'], 'g'],
    [['mm_role', 'role', 'app_metadata', 'user_metadata', 'user_role'], 'parent'],
    [['mm_role', 'role', 'app_metadata', 'user_metadata', 'user_role', 'roles'], undefined],
  ])('without %j → %s', (removed, expected) => {
    expect(roleOf(without(...removed))).toBe(expected);
  });

  it('lowercases and trims; skips empty, non-string and Supabase database roles', () => {
    expect(roleOf({ mm_role: '  PaReNt ' })).toBe('parent');
    expect(roleOf({ mm_role: '', role: 42, app_metadata: 'x', user_metadata: { role: 'Child' } })).toBe('child');
    expect(roleOf({ role: 'authenticated', app_metadata: { role: 'parent' } })).toBe('parent');
    expect(roleOf({ role: 'service_role' })).toBeUndefined();
    expect(roleOf({ role: 'anon' })).toBeUndefined();
  });

  it('maps an identity roles array to its highest edge role', () => {
    expect(roleOf({ roles: ['user'] })).toBeUndefined();
    expect(roleOf({ roles: ['user', 'parent'] })).toBe('parent');
    expect(roleOf({ roles: ['child', 'parent'] })).toBe('parent');
    expect(roleOf({ roles: ['parent', 'admin'] })).toBe('admin');
    expect(roleOf({ roles: ['platform-admin'] })).toBe('admin');
    expect(roleOf({ roles: ['admin', 'service'] })).toBe('service');
    expect(roleOf({ roles: 'admin' })).toBeUndefined();
    expect(roleOf({ mm_role: 'child', roles: ['admin'] })).toBe('child');
  });
});
