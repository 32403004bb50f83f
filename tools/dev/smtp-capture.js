/**
 * A throwaway SMTP server for `compose-smoke` (docker-compose.smoke.yml's `smoke-mail`): it
 * accepts every message (no auth, no TLS) and prints one line per recipient in the console
 * sender's format, which the smoke reads through SMOKE_IDENTITY_LOG:
 *
 *   [smtp-capture] email code for parent@example.com (tenant smtp-capture): 123456
 *
 * Identity keeps its production path (strict persistence, SMTP_URL), only the mailbox is fake.
 * Smoke use only: it prints sign-in codes, so it never belongs in a real deployment.
 *
 *   SMTP_CAPTURE_PORT=1025 SMTP_CAPTURE_HOST=0.0.0.0 node tools/dev/smtp-capture.js
 */
const { SMTPServer } = require('smtp-server');

const port = Number(process.env.SMTP_CAPTURE_PORT ?? 1025);
const host = process.env.SMTP_CAPTURE_HOST ?? '0.0.0.0';

/** The text of a message: headers dropped, quoted-printable soft breaks and escapes undone. */
function bodyOf(raw) {
  const start = raw.search(/\r?\n\r?\n/);
  const body = start === -1 ? raw : raw.slice(start);
  return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['AUTH', 'STARTTLS'],
  logger: false,
  onData(stream, session, done) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const text = bodyOf(Buffer.concat(chunks).toString('utf8'));
      const code = /\b(\d{6})\b/.exec(text)?.[1] ?? 'none';
      for (const to of session.envelope.rcptTo) {
        process.stdout.write(`[smtp-capture] email code for ${to.address} (tenant smtp-capture): ${code}\n`);
      }
      done();
    });
  },
});

server.on('error', (error) => process.stderr.write(`[smtp-capture] ${error.message}\n`));
server.listen(port, host, () => process.stdout.write(`[smtp-capture] listening on ${host}:${server.server.address().port}\n`));
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)));
