import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { SmtpOtpSender } from '@mikasmissions/authx';
import { lastCodeIn } from '../smoke/smoke-stack';
import { ROOT } from '../testing/run-cli';

/** Waits until `read()` matches `pattern` (the capture server prints asynchronously). */
async function waitFor(read: () => string, pattern: RegExp, timeoutMs = 10_000): Promise<RegExpExecArray> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const m = pattern.exec(read());
    if (m) return m;
    if (Date.now() > end) throw new Error(`no ${pattern} in: ${read()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('smoke-mail (tools/dev/smtp-capture.js, docker-compose.smoke.yml)', () => {
  let server: ChildProcess;
  let out = '';
  beforeAll(() => {
    server = spawn(process.execPath, [join(ROOT, 'tools/dev/smtp-capture.js')], {
      env: { ...process.env, SMTP_CAPTURE_PORT: '0', SMTP_CAPTURE_HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    server.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  });
  afterAll(() => {
    server.kill();
  });

  it('receives identity’s consent mail over SMTP and prints the code where the smoke finds it', async () => {
    const port = (await waitFor(() => out, /listening on 127\.0\.0\.1:(\d+)/))[1];
    const sender = new SmtpOtpSender(`smtp://127.0.0.1:${port}`, 'MikasMissions <no-reply@mikasmissions.local>');
    await sender.send({ channel: 'email', to: 'parent+smoke@example.com', code: '482913', expiresInSec: 300, tenantId: 'default' });
    await sender.send({ channel: 'email', to: 'parent+smoke@example.com', code: '007341', expiresInSec: 300, tenantId: 'default' });
    await sender.send({ channel: 'email', to: 'other@example.com', code: '555111', expiresInSec: 300, tenantId: 'default' });
    await waitFor(() => out, /other@example\.com/);
    expect(lastCodeIn(out, 'parent+smoke@example.com')).toBe('007341'); // the newest code of that address
    expect(lastCodeIn(out, 'other@example.com')).toBe('555111');
    expect(lastCodeIn(out, 'nobody@example.com')).toBeUndefined();
  });
});
