/** Runs a CLI of node_modules/.bin with Redocly's telemetry and update notices off. */
const { spawnSync } = require('node:child_process');
const { bin, root } = require('./paths');

/**
 * @param {string} name binary in node_modules/.bin
 * @param {string[]} args
 * @returns {{ status: number, output: string }}
 */
function runTool(name, args) {
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_NOTIFICATIONS: 'true', NO_COLOR: '1', FORCE_COLOR: '0' };
  const r = spawnSync(bin(name), args, { cwd: root, env, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status ?? 1, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

module.exports = { runTool };
