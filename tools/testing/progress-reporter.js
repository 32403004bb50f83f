/**
 * Jest reporter for long runs (`pnpm test`, `.ci/run`): Jest's default reporter, whose
 * per-suite PASS/FAIL line also carries the run's progress, e.g.
 *
 *   PASS libs/cache/src/cache.spec.ts (5.1 s)  [suite 12/341, 1m05s]
 *
 * Failures, console output and the interactive status bar stay exactly the default's. When
 * the output is not a terminal (CI, a pipe) and no suite finished for HEARTBEAT_MS, it prints
 * which suites are still running and for how long, so a long run is never silent. At the end
 * it prints one line with the suite count and elapsed time (Jest's `summary` reporter, listed
 * after this one in jest.config.js, prints the failing tests and the totals).
 *
 *   reporters: ['<rootDir>/tools/testing/progress-reporter.js', 'summary']
 *   reporters: [['<rootDir>/tools/testing/progress-reporter.js', { heartbeatMs: 10000 }], 'summary']
 */
const path = require('node:path');
const { DefaultReporter, utils } = require('@jest/reporters');

const HEARTBEAT_MS = 30_000;
/** Like Jest's own test for its status bar: a terminal, and not CI. */
const isInteractive = Boolean(process.stdout.isTTY) && !process.env.CI;

/** `65_000` → `1m05s`; under a minute `42s`. */
function clock(ms) {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

class ProgressReporter extends DefaultReporter {
  constructor(globalConfig, options = {}) {
    super(globalConfig);
    this.heartbeatMs = Number(options.heartbeatMs ?? process.env.JEST_PROGRESS_HEARTBEAT_MS ?? HEARTBEAT_MS);
    this.running = new Map();
    this.done = 0;
    this.total = 0;
    this.started = Date.now();
    this.lastLine = Date.now();
    this.pendingHeader = undefined;
  }

  onRunStart(results, options) {
    super.onRunStart(results, options);
    this.total = results.numTotalTestSuites;
    this.started = Date.now();
    this.lastLine = this.started;
    this.log(`jest: ${this.total} suites to run`);
    if (!isInteractive && this.heartbeatMs > 0) {
      this.timer = setInterval(() => this.heartbeat(), Math.min(this.heartbeatMs, 5_000));
      this.timer.unref();
    }
  }

  onTestStart(test) {
    super.onTestStart(test);
    this.running.set(test.path, Date.now());
  }

  onTestResult(test, result, results) {
    this.running.delete(test.path);
    this.done += 1;
    const header = result.skipped ? undefined : utils.getResultHeader(result, this._globalConfig, test.context.config);
    this.pendingHeader = header;
    super.onTestResult(test, result, results);
    if (this.pendingHeader !== undefined || result.skipped) this.log(`${this.progress()} ${this.relative(result.testFilePath)}`);
    this.pendingHeader = undefined;
    this.lastLine = Date.now();
  }

  /** The default reporter's PASS/FAIL header gets the progress appended; every other line passes as is. */
  log(message) {
    if (this.pendingHeader !== undefined && message === this.pendingHeader) {
      this.pendingHeader = undefined;
      return super.log(`${message}  ${this.progress()}`);
    }
    return super.log(message);
  }

  relative(file) {
    return path.relative(this._globalConfig.rootDir, file);
  }

  progress() {
    return `[suite ${this.done}/${this.total}, ${clock(Date.now() - this.started)}]`;
  }

  heartbeat() {
    const now = Date.now();
    if (now - this.lastLine < this.heartbeatMs || this.running.size === 0) return;
    const oldest = [...this.running.entries()].sort((a, b) => a[1] - b[1]).slice(0, 3);
    const names = oldest.map(([file, t]) => `${this.relative(file)} (${clock(now - t)})`);
    const more = this.running.size > oldest.length ? `, +${this.running.size - oldest.length} more` : '';
    this.log(`… [suite ${this.done}/${this.total}, ${clock(now - this.started)}] still running: ${names.join(', ')}${more}`);
    this.lastLine = now;
  }

  onRunComplete(contexts, results) {
    clearInterval(this.timer);
    super.onRunComplete(contexts, results);
    const failed = results.numFailedTestSuites ? `, ${results.numFailedTestSuites} failed` : '';
    this.log(
      `jest: ${results.numTotalTestSuites - results.numPendingTestSuites}/${this.total} suites ran in ${clock(Date.now() - this.started)}${failed}`,
    );
  }
}

module.exports = ProgressReporter;
