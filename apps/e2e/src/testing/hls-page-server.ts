import { readFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The loopback page server of {@link startHlsPageServer}. */
export interface HlsPageServer {
  /** `http://127.0.0.1:<port>`, the page's origin (what the gateway's CORS list must allow). */
  origin: string;
  /** The page that plays `streamUrl` with hls.js into `<video id="v">`. */
  pageUrl(streamUrl: string): string;
  close(): Promise<void>;
}

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>MikasMissions playback</title><script src="/hls.js"></script></head>
<body style="margin:0;background:#123">
<video id="v" muted autoplay playsinline width="640" height="360"></video>
<script>
  window.hlsErrors = [];
  const src = new URLSearchParams(location.search).get('src');
  const video = document.getElementById('v');
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
 * HLS when MSE is missing) and records every HLS or media error in `window.hlsErrors`.
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
    pageUrl: (streamUrl) => `${origin}/?src=${encodeURIComponent(streamUrl)}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
