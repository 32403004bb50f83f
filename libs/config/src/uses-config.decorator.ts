import { Reflector } from '@nestjs/core';
import type { ConfigFragment } from './config-fragment';

/** The metadata of {@link UsesConfig}: the fragments a module reads. */
export const UsesConfigDecorator = Reflector.createDecorator<readonly ConfigFragment[]>();

const isFragment = (value: unknown): value is ConfigFragment =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ConfigFragment).name === 'string' &&
  Array.isArray((value as ConfigFragment).keys);

/**
 * Declares the config fragments a module reads, so `loadConfig` validates them with the
 * core variables in one pass: `bootstrap`/`createApp` collect them from the module tree
 * before Nest builds it, and `PlatformConfigModule` from the modules Nest scanned. Only
 * writes metadata; the module's providers read their slice with `config.slice(fragment)`.
 *
 * @example
 * @UsesConfig(messagingConfig)
 * @Module({})
 * export class MessagingModule {}
 */
export function UsesConfig(...fragments: ConfigFragment[]): ClassDecorator {
  if (fragments.length === 0 || !fragments.every(isFragment)) {
    throw new Error('@UsesConfig: pass one or more fragments made by defineConfigFragment()');
  }
  return UsesConfigDecorator(fragments);
}
