import type { AppConfig } from '@mikasmissions/config';
import { notificationConfig } from '../notification.config';
import { ParentDirectory, type ParentContact } from '../recipients/parent-directory';
import { IdentityUnavailableError } from '../recipients/recipient.errors';
import { NotificationSender, type OutgoingMessage } from '../senders/notification-sender';
import { MemoryDeliveriesRepository } from './adapters/memory-deliveries.repository';
import type { BackgroundContext } from './background-context';
import { DeliveryDispatcher, withoutAddresses } from './delivery-dispatcher';

class Directory extends ParentDirectory {
  down = false;
  async contactOf(parentUserId: string): Promise<ParentContact | null> {
    if (this.down) throw new IdentityUnavailableError();
    return parentUserId.startsWith('ghost')
      ? null
      : { parentUserId, email: `${parentUserId}@example.com`, marketing: true, language: 'en' };
  }
}

/** Holds every send for `ms`, recording how many are in flight at once. */
class SlowSender extends NotificationSender {
  inFlight = 0;
  maxInFlight = 0;
  sent: OutgoingMessage[] = [];
  constructor(private readonly ms: number) {
    super();
  }
  async send(message: OutgoingMessage): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((r) => setTimeout(r, this.ms));
    this.inFlight -= 1;
    this.sent.push(message);
  }
}

const config = (env: Record<string, string>): AppConfig =>
  ({ slice: () => notificationConfig.schema.parse({ NOTIFICATION_RETRY_BASE_MS: '1000', ...env }) }) as unknown as AppConfig;
const inline: BackgroundContext = { run: (_tenant: string, work: () => Promise<unknown>) => work() } as unknown as BackgroundContext;
const record = (repo: MemoryDeliveriesRepository, parentUserId: string, n = 1) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      repo.record({ tenantId: 't', dedupeKey: `${parentUserId}:${i}`, parentUserId, kind: 'receipts', subject: 's', body: 'b' }),
    ),
  );

describe('DeliveryDispatcher', () => {
  it('sends at most NOTIFICATION_SEND_CONCURRENCY at once', async () => {
    const repo = new MemoryDeliveriesRepository();
    const sender = new SlowSender(20);
    await record(repo, 'p', 12);
    const dispatcher = new DeliveryDispatcher(repo, new Directory(), sender, inline, config({ NOTIFICATION_SEND_CONCURRENCY: '3' }));
    expect(await dispatcher.dispatch()).toEqual({ claimed: 12, sent: 12, retried: 0, failed: 0 });
    expect(sender.maxInFlight).toBe(3);
    expect(sender.sent).toHaveLength(12);
  });

  it('backs off exponentially while identity is down, then sends; an unknown parent fails at once', async () => {
    const repo = new MemoryDeliveriesRepository();
    const directory = new Directory();
    const sender = new SlowSender(0);
    await record(repo, 'p');
    const dispatcher = new DeliveryDispatcher(repo, directory, sender, inline, config({ NOTIFICATION_SEND_MAX_ATTEMPTS: '5' }));
    directory.down = true;
    const t0 = Date.now();
    expect(await dispatcher.dispatch()).toMatchObject({ retried: 1, failed: 0 });
    const [afterOne] = await repo.listByParent('t', 'p');
    expect(afterOne).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringContaining('IdentityUnavailableError') });
    const firstDelay = Date.parse(afterOne.nextAttemptAt) - t0;
    expect(firstDelay).toBeGreaterThanOrEqual(700);
    expect(firstDelay).toBeLessThanOrEqual(1_300);
    await dispatcher.dispatch(new Date(Date.parse(afterOne.nextAttemptAt)));
    const [afterTwo] = await repo.listByParent('t', 'p');
    expect(Date.parse(afterTwo.nextAttemptAt) - Date.parse(afterOne.nextAttemptAt)).toBeGreaterThanOrEqual(1_500);
    directory.down = false;
    await record(repo, 'ghost');
    expect(await dispatcher.dispatch(new Date(Date.parse(afterTwo.nextAttemptAt)))).toMatchObject({ sent: 1, failed: 1 });
    expect((await repo.listByParent('t', 'p'))[0]).toMatchObject({ status: 'sent', attempts: 3 });
    expect((await repo.listByParent('t', 'ghost'))[0]).toMatchObject({ status: 'failed', attempts: 1, lastError: 'parent_not_found' });
  });

  it('keeps addresses and numbers out of the recorded error', () => {
    expect(withoutAddresses('Error: 550 <mika@example.com>: mailbox unavailable')).toBe('Error: 550 <<address>>: mailbox unavailable');
    expect(withoutAddresses('rejected +49 151 1234 5678')).toBe('rejected <number>');
    expect(withoutAddresses('SMS webhook answered 500')).toBe('SMS webhook answered 500');
  });
});
