/** The consumer group a registered `@EventPattern` handler reads in: its `extras.group` (`@OnEvent(def, { group })`, `@ConsumerGroup`), else `fallback`. */
export function handlerGroup(handler: object, fallback: string): string {
  const group = (handler as { extras?: Record<string, unknown> }).extras?.group;
  return typeof group === 'string' && group !== '' ? group : fallback;
}
