import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '../../..');
const REPORTER = join(REPO, 'tools/testing/progress-reporter.js');

/** Runs the repo's jest on `files` in a throwaway folder with the progress reporter, as CI does (not a terminal). */
function runJest(files: Record<string, string>, heartbeatMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'mm-progress-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    const config = { rootDir: dir, testEnvironment: 'node', transform: {}, reporters: [[REPORTER, { heartbeatMs }], 'summary'] };
    writeFileSync(join(dir, 'jest.config.json'), JSON.stringify(config));
    const r = spawnSync(
      process.execPath,
      [require.resolve('jest/bin/jest', { paths: [REPO] }), '--config', join(dir, 'jest.config.json'), '--maxWorkers=2'],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true' },
      },
    );
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('progress reporter', () => {
  it('prints count/total and elapsed on each suite line, a heartbeat while a suite runs long, and keeps failures and the summary', () => {
    const r = runJest(
      {
        'a-pass.test.js': "it('adds', () => expect(1 + 1).toBe(2));\n",
        'b-fail.test.js': "it('compares', () => expect('one').toBe('two'));\n",
        'c-slow.test.js': "it('waits', () => new Promise((done) => setTimeout(done, 2500)));\n",
      },
      400,
    );
    expect(r.status).toBe(1);
    expect(r.out).toContain('jest: 3 suites to run');
    for (const n of [1, 2, 3]) expect(r.out).toMatch(new RegExp(`^(PASS|FAIL) .*\\.test\\.js.*  \\[suite ${n}/3, \\d+s\\]$`, 'm'));
    expect(r.out).toMatch(/^PASS (\.\/)?a-pass\.test\.js {2}\[suite \d\/3, \d+s\]$/m);
    expect(r.out).toMatch(/^FAIL (\.\/)?b-fail\.test\.js {2}\[suite \d\/3, \d+s\]$/m);
    expect(r.out).toMatch(/^… \[suite [0-2]\/3, \d+s\] still running: c-slow\.test\.js \(\d+s\)/m);
    expect(r.out).toContain('Expected: "two"'); // the default reporter's failure detail
    expect(r.out).toContain('Received: "one"');
    expect(r.out).toMatch(/^Tests: +1 failed, 2 passed, 3 total$/m); // jest's summary reporter (it lists the failing tests again past 20 suites)
    expect(r.out).toMatch(/^jest: 3\/3 suites ran in \d+s, 1 failed$/m);
  });

  it('stays quiet between suite lines when suites finish faster than the heartbeat', () => {
    const r = runJest({ 'a.test.js': "it('a', () => undefined);\n", 'b.test.js': "it('b', () => undefined);\n" }, 60_000);
    expect(r.status).toBe(0);
    expect(r.out).not.toContain('still running');
    expect(r.out).toMatch(/^jest: 2\/2 suites ran in \d+s$/m);
  });
});
