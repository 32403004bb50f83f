import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** The newest modification time (ms) of `path` and everything under it. */
async function newestMtime(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const children = await readdir(path);
  const times = await Promise.all(children.map((name) => newestMtime(join(path, name)).catch(() => 0)));
  return Math.max(info.mtimeMs, ...times);
}

/**
 * Removes the `<episodeId>.partial-*` directories under `episodesDir` that nothing has written to
 * for `staleMs` (a transcode that died, e.g. SIGKILL, before it renamed its output into place) and
 * returns their names. A partial still being written (a live ffmpeg adds a segment every few
 * seconds) is left alone, so a slow worker that lost its claim is not broken by the one that took over.
 */
export async function removeStalePartials(episodesDir: string, episodeId: string, staleMs: number, now = Date.now()): Promise<string[]> {
  const names = (await readdir(episodesDir).catch(() => [] as string[])).filter((name) => name.startsWith(`${episodeId}.partial-`));
  const removed: string[] = [];
  for (const name of names) {
    const path = join(episodesDir, name);
    const newest = await newestMtime(path).catch(() => undefined);
    if (newest === undefined || now - newest < staleMs) continue;
    await rm(path, { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
