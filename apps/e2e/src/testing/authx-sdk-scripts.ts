import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';

/** The repo root, seen from apps/e2e/src/testing. */
export const ROOT = join(__dirname, '../../../..');
/** libs/authx-sdk. */
export const SDK = join(ROOT, 'libs/authx-sdk');

const execFileAsync = promisify(execFile);

/** How a finished command ended. */
export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `file` with `args` in `cwd` (PATH plus `env` only); never throws, so a test can show what it printed. */
export async function runIn(cwd: string, file: string, args: string[], env: Record<string, string> = {}): Promise<Ran> {
  try {
    const { stdout, stderr } = await execFileAsync(file, args, { cwd, env: { PATH: process.env.PATH, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? failed.message,
    };
  }
}

/** Starts libs/authx-sdk/examples/serve-browser.mjs on a free port; resolves with the page URL it prints. */
export function serveBrowserExample(authxOrigin: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(SDK, 'examples/serve-browser.mjs')], {
    env: { PATH: process.env.PATH, PORT: '0', AUTHX_ORIGIN: authxOrigin },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve-browser.mjs did not start:\n${out}`)), 30_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /on (http:\/\/\S+\/examples\/browser\.html)/.exec(out)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ child, url });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`serve-browser.mjs exited (${code}):\n${out}`)));
  });
}

/** The browser example's log lines, once its start-up script has run and at least `minLines` are there. */
export async function pageLog(page: Page, minLines: number): Promise<string[]> {
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction((n) => (document.getElementById('log')?.textContent ?? '').trim().split('\n').length >= n, minLines);
  return ((await page.textContent('#log')) ?? '').trim().split('\n');
}
