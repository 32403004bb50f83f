import { openApiDocument } from '@mikasmissions/contracts-api';
import { AVATAR_IDS } from './avatars';

describe('AVATAR_IDS', () => {
  it('is exactly the x-avatar-ids of the contract', () => {
    const schemas = (openApiDocument.components as { schemas: Record<string, { 'x-avatar-ids'?: string[]; pattern?: string }> }).schemas;
    expect([...AVATAR_IDS]).toEqual(schemas.Avatar['x-avatar-ids']);
    for (const id of AVATAR_IDS) expect(id).toMatch(new RegExp(schemas.Avatar.pattern as string));
  });
});
