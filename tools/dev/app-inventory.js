/**
 * The apps of this repo, read from the tree (nothing to register by hand): every
 * `apps/<name>/src/main.ts` is an app; its port and prefix come from
 * `PlatformModule.forRoot({ http: { port, prefix } })` in `app.module.ts`, and it has a
 * database schema (a migrate job) when `prisma/<name>/` exists. Used by compose:validate,
 * docker:dev:health and the Kubernetes renderer, so a new app falls in by existing.
 * Web apps (`apps/<name>/next.config.*`, no `src/main.ts`) are listed apart ({@link listWebApps}):
 * they have no database (no migrate job), probe `/healthz` and sit behind the gateway.
 */
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

/**
 * Lists the apps under `root/apps`.
 * @param {string} root the repo root
 * @returns {{ name: string, port: number | undefined, prefix: string, schema: boolean, healthBase: string }[]}
 */
function listApps(root) {
  const appsDir = path.join(root, 'apps');
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir)
    .filter((name) => existsSync(path.join(appsDir, name, 'src/main.ts')))
    .sort()
    .map((name) => {
      const module = path.join(appsDir, name, 'src/app.module.ts');
      const source = existsSync(module) ? readFileSync(module, 'utf8') : '';
      const http = source.match(/http:\s*\{([^}]*)\}/)?.[1] ?? '';
      const port = Number(http.match(/port:\s*(\d+)/)?.[1]);
      const prefix = http.match(/prefix:\s*'([^']*)'/)?.[1] ?? '';
      return {
        name,
        port: Number.isInteger(port) ? port : undefined,
        prefix,
        schema: existsSync(path.join(root, 'prisma', name)),
        healthBase: prefix ? `/${prefix}` : '',
      };
    });
}

/**
 * Lists the Next.js web apps under `root/apps`: a `next.config.{ts,js,mjs}` and no `src/main.ts`.
 * The port is the default of `${<NAME>_PORT:-N}` in its package.json `start` script (else 3000).
 * @param {string} root the repo root
 * @returns {{ name: string, port: number, healthPath: string, schema: false }[]}
 */
function listWebApps(root) {
  const appsDir = path.join(root, 'apps');
  if (!existsSync(appsDir)) return [];
  return readdirSync(appsDir)
    .filter((name) => !existsSync(path.join(appsDir, name, 'src/main.ts')))
    .filter((name) => ['ts', 'js', 'mjs'].some((ext) => existsSync(path.join(appsDir, name, `next.config.${ext}`))))
    .sort()
    .map((name) => {
      const pkg = path.join(appsDir, name, 'package.json');
      const start = existsSync(pkg) ? (JSON.parse(readFileSync(pkg, 'utf8')).scripts?.start ?? '') : '';
      const port = Number(start.match(/\$\{[A-Z_]+:-(\d+)\}/)?.[1] ?? 3000);
      return { name, port, healthPath: '/healthz', schema: false };
    });
}

/**
 * The `<APP>_PORT` variable of an app (`outbox-relay` → `OUTBOX_RELAY_PORT`).
 * @param {string} name the app's folder name
 * @returns {string}
 */
function portVariable(name) {
  return `${name.toUpperCase().replace(/-/g, '_')}_PORT`;
}

/** Compose aliases beside `compose:dev:<app>`: the seed's names for some apps. */
const COMPOSE_ALIASES = { payment: 'billing' };

/** Apps that get a HorizontalPodAutoscaler in Kubernetes (CPU), when they are in apps/. */
const AUTOSCALED = ['gateway', 'catalog', 'recommendation', 'playback', 'media-pipeline'];

/**
 * The apps that read or write the media store (`MEDIA_STORE_DIR`: uploads, transcodes, demo clips,
 * streams, thumbnails). In compose they share one named volume `media`, mounted where their
 * `MEDIA_STORE_DIR` points; tools/ops/src/validate-compose.spec.ts checks this list against the sources.
 */
const MEDIA_APPS = Object.freeze(['catalog', 'creator-studio', 'generation', 'media-pipeline', 'playback']);

module.exports = { listApps, listWebApps, portVariable, COMPOSE_ALIASES, AUTOSCALED, MEDIA_APPS };
