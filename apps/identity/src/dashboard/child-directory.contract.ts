import { randomUUID } from 'node:crypto';
import type { ChildDirectory, DirectoryChild } from './child-directory';

/** A directory under test and how to give it a child. */
export interface DirectoryUnderTest {
  directory: ChildDirectory;
  put(parentUserId: string, child: DirectoryChild): void;
}

/** The behaviour every ChildDirectory adapter must have (run against memory and the profile adapter). */
export function childDirectoryContract(name: string, make: () => Promise<DirectoryUnderTest> | DirectoryUnderTest): void {
  describe(`ChildDirectory contract: ${name}`, () => {
    let subject: DirectoryUnderTest;
    beforeEach(async () => {
      subject = await make();
    });

    it("lists a parent's children, in order, and nobody else's", async () => {
      const parent = randomUUID();
      const kids = [
        { childProfileId: `kid-${randomUUID()}`, displayName: 'Mika' },
        { childProfileId: `kid-${randomUUID()}`, displayName: 'Lou' },
      ];
      for (const kid of kids) subject.put(parent, kid);
      subject.put(randomUUID(), { childProfileId: `kid-${randomUUID()}`, displayName: 'Other' });
      expect(await subject.directory.childrenOf(parent)).toEqual(kids);
      expect(await subject.directory.childrenOf(randomUUID())).toEqual([]);
    });
  });
}
