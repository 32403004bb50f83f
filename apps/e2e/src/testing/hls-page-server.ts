import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';

/**
 * Non-fatal hls.js stall recoveries: it skips a buffer hole or nudges the playhead and plays on
 * (seen on a loaded machine). They are reported as errors but are not failures.
 */
export const RECOVERED_STALLS = /^mediaError:(bufferSeekOverHole|bufferNudgeOnStall|bufferStalledError)$/;

/** The errors of a page's `window.hlsErrors` that mean playback failed: every one but {@link RECOVERED_STALLS}. */
export function playbackFailures(errors: readonly string[]): string[] {
  return errors.filter((e) => !RECOVERED_STALLS.test(e));
}

/** What {@link watchPlayback} saw: the video's `currentTime` and every recorded HLS or media error. */
export interface PlaybackState {
  time: number;
  errors: string[];
}

/**
 * Waits until the page's `<video id="v">` passes `pastSeconds`, or an error is fatal, or
 * `timeoutMs` is over (then throws); returns the time and the errors. Assert
 * `playbackFailures(state.errors)` is empty: recovered stalls are not failures.
 */
export async function watchPlayback(page: Page, pastSeconds = 1, timeoutMs = 30_000): Promise<PlaybackState> {
  await page.waitForFunction(
    (past) =>
      (document.getElementById('v') as HTMLVideoElement).currentTime > past ||
      (window as unknown as { hlsErrors: string[] }).hlsErrors.some((e) => e.endsWith(':fatal')),
    pastSeconds,
    { timeout: timeoutMs },
  );
  return page.evaluate(() => ({
    time: (document.getElementById('v') as HTMLVideoElement).currentTime,
    errors: (window as unknown as { hlsErrors: string[] }).hlsErrors,
  }));
}

/** The loopback page server of {@link startHlsPageServer}. */
export interface HlsPageServer {
  /** `http://127.0.0.1:<port>`, the page's origin (what the gateway's CORS list must allow). */
  origin: string;
  /** The page that plays `streamUrl` with hls.js into `<video id="v">`, with `thumbnailUrl` as `<img id="thumb">` when given. */
  pageUrl(streamUrl: string, thumbnailUrl?: string): string;
  close(): Promise<void>;
}

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>MikasMissions playback</title><script src="/hls.js"></script></head>
<body style="margin:0;background:#123">
<video id="v" muted autoplay playsinline width="640" height="360"></video>
<script>
  window.hlsErrors = [];
  const params = new URLSearchParams(location.search);
  const src = params.get('src');
  const video = document.getElementById('v');
  if (params.get('thumb')) {
    const img = document.createElement('img');
    img.id = 'thumb';
    img.alt = '';
    img.src = params.get('thumb');
    document.body.appendChild(img);
  }
  if (window.Hls && Hls.isSupported()) {
    const hls = new Hls();
    hls.on(Hls.Events.ERROR, (_e, data) => window.hlsErrors.push(data.type + ':' + data.details + (data.fatal ? ':fatal' : '')));
    hls.loadSource(src);
    hls.attachMedia(video);
  } else {
    video.src = src;
  }
  video.addEventListener('error', () => window.hlsErrors.push('video:' + (video.error && video.error.code)));
  video.play().catch((e) => window.hlsErrors.push('play:' + e.message));
</script></body></html>`;

/**
 * A loopback HTTP server for browser tests: `/` is a page that plays the `src` query
 * parameter with hls.js (served at `/hls.js` from the `hls.js` package in node_modules, native
 * HLS when MSE is missing), shows the `thumb` parameter as `<img id="thumb">`, and records every
 * HLS or media error in `window.hlsErrors`.
 *
 * @example
 * const pages = await startHlsPageServer();
 * await page.goto(pages.pageUrl(streamUrl));
 */
export async function startHlsPageServer(): Promise<HlsPageServer> {
  const hlsJs = readFileSync(require.resolve('hls.js/dist/hls.min.js'));
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/hls.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(hlsJs);
    else if (path === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    pageUrl: (streamUrl, thumbnailUrl) =>
      `${origin}/?src=${encodeURIComponent(streamUrl)}${thumbnailUrl ? `&thumb=${encodeURIComponent(thumbnailUrl)}` : ''}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
