import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeStalePartials } from './stale-partials';

describe('removeStalePartials (the media store after a killed transcode)', () => {
  let dir: string;
  const now = Date.now();
  const at = (ms: number) => new Date(ms);

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mm-partials-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  async function partial(name: string, ageMs: number, segmentAgeMs = ageMs): Promise<void> {
    await mkdir(join(dir, name, '720p'), { recursive: true });
    await writeFile(join(dir, name, '720p', 'segment_0000.m4s'), 'x');
    await utimes(join(dir, name, '720p', 'segment_0000.m4s'), at(now - segmentAgeMs), at(now - segmentAgeMs));
    await utimes(join(dir, name, '720p'), at(now - ageMs), at(now - ageMs));
    await utimes(join(dir, name), at(now - ageMs), at(now - ageMs));
  }

  it("removes only this episode's partials nothing wrote to for staleMs; keeps a live one, other episodes' and the final output", async () => {
    await partial('ep-1.partial-dead', 120_000);
    await partial('ep-1.partial-live', 120_000, 2_000);
    await partial('ep-2.partial-dead', 120_000);
    await mkdir(join(dir, 'ep-1', '720p'), { recursive: true });

    expect(await removeStalePartials(dir, 'ep-1', 60_000, now)).toEqual(['ep-1.partial-dead']);
    expect((await readdir(dir)).sort()).toEqual(['ep-1', 'ep-1.partial-live', 'ep-2.partial-dead']);
  });

  it('is a no-op when the episodes directory does not exist yet', async () => {
    expect(await removeStalePartials(join(dir, 'missing'), 'ep-1', 1, now)).toEqual([]);
  });
});
