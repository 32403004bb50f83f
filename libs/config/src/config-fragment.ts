import type { z } from 'zod';

/**
 * The variables one library (or app feature) reads, as a zod object over env names, and
 * the typed slice it gets after validation. Declared with {@link defineConfigFragment},
 * attached to the module that reads it with `@UsesConfig(fragment)`, read with
 * `config.slice(fragment)` — validated by `loadConfig` in the same pass as the core variables.
 */
export interface ConfigFragment<T = unknown> {
  /** Unique name, used in errors: `messaging`, `authx`. */
  readonly name: string;
  /** The env variables this fragment owns; no other fragment (nor the core schema) may declare them. */
  readonly keys: readonly string[];
  /** Validates the environment (empty values already removed) and builds the slice. */
  readonly schema: z.ZodType<T>;
}

/**
 * Declares a config fragment. `schema` is a `z.object` whose keys are env names (coercion,
 * defaults and refinements inside it); `toSlice` optionally reshapes the parsed values.
 * Issues are printed as `<path>: <message>`, so give field messages that read well there
 * (`OUTBOX_RELAY_POLL_MS: expected a positive integer`).
 *
 * @example
 * export const messagingConfig = defineConfigFragment('messaging', z.object({
 *   OUTBOX_RELAY_POLL_MS: envPositiveInt().optional(),
 * }));
 * // in a provider: config.slice(messagingConfig).OUTBOX_RELAY_POLL_MS // number | undefined
 */
export function defineConfigFragment<S extends z.ZodObject, T = z.output<S>>(
  name: string,
  schema: S,
  toSlice?: (values: z.output<S>) => T,
): ConfigFragment<T> {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`defineConfigFragment: name must be lowercase kebab-case (got "${name}")`);
  const keys = Object.keys(schema.shape);
  const built = toSlice ? schema.transform((values) => toSlice(values)) : schema;
  return Object.freeze({ name, keys, schema: built as unknown as z.ZodType<T> });
}

/** The slice type of a fragment: `ConfigSlice<typeof messagingConfig>`. */
export type ConfigSlice<F> = F extends ConfigFragment<infer T> ? T : never;
