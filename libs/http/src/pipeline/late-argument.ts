import { createParamDecorator } from '@nestjs/common';

const lateFactories = new WeakSet<object>();

/** A route argument that is worked out when the handler runs, not when Nest resolves params. */
export class LateArgument {
  constructor(readonly resolve: () => unknown) {}
}

/** The handler's arguments with every {@link LateArgument} resolved now. */
export function resolveLateArguments(args: unknown[]): unknown[] {
  return args.some((a) => a instanceof LateArgument) ? args.map((a) => (a instanceof LateArgument ? a.resolve() : a)) : args;
}

/** Whether a route-args metadata entry was made by {@link createLateParamDecorator}. */
export function isLateFactory(factory: unknown): boolean {
  return typeof factory === 'function' && lateFactories.has(factory);
}

/**
 * A parameter decorator whose value is read each time the handler itself runs — e.g. once
 * per attempt inside `@Resilience` — because Nest resolves parameters once, before the
 * route's pipeline starts.
 *
 * @example
 * export const AttemptSignal = createLateParamDecorator(() => currentAttemptSignal());
 */
export function createLateParamDecorator(resolve: () => unknown): () => ParameterDecorator {
  const factory = () => new LateArgument(resolve);
  lateFactories.add(factory);
  return createParamDecorator(factory);
}
