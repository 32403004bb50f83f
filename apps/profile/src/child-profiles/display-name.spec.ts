import { checkDisplayName } from './display-name';

describe('checkDisplayName (data minimisation)', () => {
  it.each([
    ['Mia', 'Mia'],
    ['  Ben  ', 'Ben'],
    ['Zoë', 'Zoë'],
    ['R2D2', 'R2D2'],
    ['Kid 2015', 'Kid 2015'],
    ['x'.repeat(40), 'x'.repeat(40)],
  ])('accepts %j', (raw, trimmed) => {
    expect(checkDisplayName(raw)).toBe(trimmed);
  });

  it.each([
    ['mia@example.com', 'email'],
    ['mia at @home', 'email'],
    ['+1 (555) 123-4567', 'phone'],
    ['0170.1234567', 'phone'],
    ['mia 5551234', 'phone'],
    ['x'.repeat(41), 'too_long'],
    ['Mia\u0000', 'characters'],
    ['Mi\u200ba', 'characters'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(() => checkDisplayName(raw)).toThrow(expect.objectContaining({ code: 'invalid_display_name', details: { reason } }));
  });
});
