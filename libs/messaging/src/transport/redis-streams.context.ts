import { BaseRpcContext } from '@nestjs/microservices';
import type { EventEnvelope } from '../event-envelope';

type Args = [stream: string, messageId: string, envelope: EventEnvelope, deliveries: number];

/**
 * The `@Ctx()` of a Redis Streams event handler.
 *
 * @example
 * @OnEvent(MediaUploaded)
 * onUpload(@Payload() event: EventEnvelope<MediaUploadedPayload>, @Ctx() ctx: RedisStreamsContext) { ctx.getDeliveries(); }
 */
export class RedisStreamsContext extends BaseRpcContext<Args> {
  /** The stream the message came from. */
  getStream(): string {
    return this.args[0];
  }
  /** The stream entry id. */
  getMessageId(): string {
    return this.args[1];
  }
  /** The whole envelope (also the handler's payload). */
  getEnvelope(): EventEnvelope {
    return this.args[2];
  }
  /** How many times this message has been delivered, this one included. */
  getDeliveries(): number {
    return this.args[3];
  }
}
