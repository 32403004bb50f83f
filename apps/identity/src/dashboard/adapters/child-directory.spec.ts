import type { INestApplication } from '@nestjs/common';
import { bootApp, testEnv } from '@mikasmissions/testing';
import { AppModule } from '../../app.module';
import { ChildDirectory } from '../child-directory';
import { childDirectoryContract } from '../child-directory.contract';
import { FakeProfileServer } from '../testing/fake-profile.server';
import { MemoryChildDirectory } from './memory-child-directory';

childDirectoryContract('memory', () => {
  const directory = new MemoryChildDirectory();
  return { directory, put: (parent, child) => directory.put(parent, child) };
});

describe('over the profile service (signed ServiceClient calls)', () => {
  const profile = new FakeProfileServer();
  let app: INestApplication;
  beforeAll(async () => {
    app = await bootApp(AppModule, {
      adapter: 'express',
      env: testEnv('memory', { PROFILE_URL: await profile.start() }),
      globalPrefix: 'v1',
    });
  });
  afterAll(async () => {
    await app.close();
    await profile.stop();
  });

  childDirectoryContract('profile', () => ({
    directory: app.get(ChildDirectory),
    put: (parent, child) =>
      profile.profiles.push({
        child_profile_id: child.childProfileId,
        parent_user_id: parent,
        display_name: child.displayName,
        age_band: '6-8',
      }),
  }));

  it('signs its calls as the service identity (the fake refuses anything else)', async () => {
    const before = profile.calls;
    await app.get(ChildDirectory).childrenOf('p1');
    expect(profile.calls).toBe(before + 1);
  });
});
