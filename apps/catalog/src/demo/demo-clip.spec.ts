import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDemoClip } from './demo-clip';

describe('ensureDemoClip (memory mode start)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'demo-clip-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes ep-demo-1's HLS playlist, segments and thumbnail once, and keeps them on the next start", async () => {
    expect(await ensureDemoClip(dir)).toBe(true);
    const folder = join(dir, 'episodes/ep-demo-1');
    const playlist = readFileSync(join(folder, 'index.m3u8'), 'utf8');
    expect(playlist).toMatch(/^#EXTM3U/);
    expect(playlist).toContain('#EXT-X-ENDLIST');
    const segments = readdirSync(folder).filter((f) => f.endsWith('.ts'));
    expect(segments.length).toBeGreaterThanOrEqual(2);
    expect(statSync(join(folder, 'thumb.jpg')).size).toBeGreaterThan(0);
    expect(await ensureDemoClip(dir)).toBe(false);
  }, 60_000);

  it('does not fail the start when the clip cannot be written', async () => {
    const file = join(dir, 'not-a-dir');
    writeFileSync(file, 'x');
    await expect(ensureDemoClip(file)).resolves.toBe(false);
  });
});
