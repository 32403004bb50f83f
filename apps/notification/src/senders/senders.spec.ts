import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { CaptureSender } from './adapters/capture.sender';
import { ChannelRouterSender } from './adapters/channel-router.sender';
import { ConsoleSender } from './adapters/console.sender';
import { SmtpEmailSender } from './adapters/smtp-email.sender';
import { WebhookSmsSender } from './adapters/webhook-sms.sender';
import { maskAddress } from './masked-address';
import { SendFailedError, type OutgoingMessage } from './notification-sender';

const email: OutgoingMessage = {
  channel: 'email',
  to: 'mika.parent@example.com',
  subject: 'New on MikasMissions: 2 episodes',
  text: '- Counting stars\n- Ocean friends',
};

const listen = async (
  server: { listen: (port: number, host: string, cb: () => void) => unknown; address?: () => unknown },
  s: Server | SMTPServer,
) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return ((s as Server).address?.() ?? (s as unknown as { server: Server }).server.address()) as AddressInfo;
};

describe('SmtpEmailSender against a loopback SMTP server (smtp-server)', () => {
  let smtp: SMTPServer;
  let port: number;
  const received: Array<{ from: string; to: string[]; raw: string }> = [];
  let reject = false;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo(_address, _session, callback) {
        callback(reject ? Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }) : undefined);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    port = (await listen(smtp, smtp)).port;
  });
  afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

  it('delivers the message over SMTP with the configured sender, recipient, subject and text', async () => {
    const sender = new SmtpEmailSender(`smtp://127.0.0.1:${port}`, 'MikasMissions <no-reply@mikasmissions.test>');
    await sender.send(email);
    sender.close();
    expect(received).toHaveLength(1);
    expect(received[0].from).toBe('no-reply@mikasmissions.test');
    expect(received[0].to).toEqual(['mika.parent@example.com']);
    expect(received[0].raw).toContain('Subject: New on MikasMissions: 2 episodes');
    expect(received[0].raw).toContain('- Counting stars');
  });

  it('rejects when the server refuses the recipient, so the dispatcher retries', async () => {
    reject = true;
    try {
      const sender = new SmtpEmailSender(`smtp://127.0.0.1:${port}`, 'no-reply@mikasmissions.test');
      await expect(sender.send(email)).rejects.toThrow(/mailbox unavailable|550/);
      sender.close();
    } finally {
      reject = false;
    }
  });
});

describe('WebhookSmsSender against a loopback webhook', () => {
  let server: Server;
  let url: string;
  let status = 202;
  const bodies: Array<{ auth?: string; body: unknown }> = [];

  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      let raw = '';
      req.on('data', (c) => (raw += c));
      req.on('end', () => {
        bodies.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
        res.writeHead(status).end();
      });
    });
    url = `http://127.0.0.1:${(await listen(server, server)).port}/sms`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('POSTs {to, message} with the bearer token, and fails on a non-2xx answer or a refused connection', async () => {
    const sms = new WebhookSmsSender(url, 'tok');
    await sms.send({ channel: 'sms', to: '+4915112345678', subject: 'Receipt', text: 'Your plan is active.' });
    expect(bodies).toEqual([{ auth: 'Bearer tok', body: { to: '+4915112345678', message: 'Receipt\nYour plan is active.' } }]);
    status = 500;
    await expect(sms.send({ channel: 'sms', to: '+4915112345678', subject: 's', text: 't' })).rejects.toThrow(
      new SendFailedError('SMS webhook answered 500'),
    );
    await expect(
      new WebhookSmsSender('http://127.0.0.1:9/sms').send({ channel: 'sms', to: '+1', subject: 's', text: 't' }),
    ).rejects.toBeInstanceOf(SendFailedError);
  });
});

describe('ConsoleSender, CaptureSender and the channel router', () => {
  it('prints the subject and text with the address masked', async () => {
    const lines: string[] = [];
    await new ConsoleSender({ write: (l: string) => lines.push(l) }).send(email);
    expect(lines.join('')).toContain('[notification:console-sender] email to m***@example.com: New on MikasMissions: 2 episodes');
    expect(lines.join('')).not.toContain('mika.parent');
  });

  it('masks e-mail addresses and phone numbers', () => {
    expect(maskAddress('mika@example.com')).toBe('m***@example.com');
    expect(maskAddress('+4915112345678')).toBe('+49*********78');
    expect(maskAddress('123')).toBe('***');
  });

  it('routes each channel to its sender', async () => {
    const [mail, sms] = [new CaptureSender(), new CaptureSender()];
    const router = new ChannelRouterSender({ email: mail, sms });
    await router.send(email);
    await router.send({ ...email, channel: 'sms', to: '+1555' });
    expect([mail.sent.map((m) => m.to), sms.sent.map((m) => m.to)]).toEqual([['mika.parent@example.com'], ['+1555']]);
  });
});
