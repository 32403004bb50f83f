/**
 * The apps of this repo, read from the tree (nothing to register by hand): every
 * `apps/<name>/src/main.ts` is an app; its port and prefix come from
 * `PlatformModule.forRoot({ http: { port, prefix } })` in `app.module.ts`, and it has a
 * database schema (a migrate job) when `prisma/<name>/` exists. Used by compose:validate,
 * docker:dev:health and the Kubernetes renderer, so a new app falls in by existing.
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

module.exports = { listApps, portVariable, COMPOSE_ALIASES, AUTOSCALED };
