import { NewServiceInputError } from './new-service.errors';

/** Every spelling of a new service and its feature that the templates use. */
export interface ServiceNames {
  /** `demo-probe`: folder, Nx project, compose service and profile, `PlatformModule` service. */
  service: string;
  /** `demo_probe`: its Postgres schema (`schemaOf` of libs/platform). */
  schema: string;
  /** `DEMO_PROBE_PORT`: its port variable in env.dev / env.prod. */
  portVar: string;
  /** `items`: the feature folder and route. */
  feature: string;
  /** `Items`: feature classes (`ItemsController`). */
  Feature: string;
  /** `items`: a variable holding the feature's service or repository. */
  featureVar: string;
  /** `items`: the table in the service's schema. */
  table: string;
  /** `item`: the entity's file name; `Item` its type; ENTITY (`item`, snake_case) its error code's stem. */
  entity: string;
  Entity: string;
  ENTITY: string;
  entityVar: string;
}

const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(
    ' ',
  ),
);

const pascal = (kebab: string) => kebab.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
const camel = (kebab: string) => pascal(kebab).replace(/^./, (c) => c.toLowerCase());

/** `items` → `item`, `categories` → `category`, `boxes` → `box`; a name that is not plural stays. */
export function singular(plural: string): string {
  if (/ies$/.test(plural) && plural.length > 3) return plural.replace(/ies$/, 'y');
  if (/(ss|x|z|ch|sh)es$/.test(plural)) return plural.replace(/es$/, '');
  if (/[^s]s$/.test(plural)) return plural.slice(0, -1);
  return plural;
}

/** Checks a kebab-case name (1–40 characters, starts with a letter) and returns it. */
export function kebabName(kind: 'service' | 'feature', value: string | undefined): string {
  if (!value || !KEBAB.test(value) || value.length > 40) {
    const shown = value === undefined ? 'nothing' : JSON.stringify(value);
    throw new NewServiceInputError(
      `${kind} name must be kebab-case (lower-case letters and digits, words joined by "-", at most 40 characters, e.g. "creator-studio"), got ${shown}`,
    );
  }
  return value;
}

/** All spellings of `service` and `feature` (both checked with {@link kebabName}). */
export function serviceNames(service: string, feature: string): ServiceNames {
  kebabName('service', service);
  kebabName('feature', feature);
  const entity = singular(feature);
  for (const word of [camel(feature), camel(entity)]) {
    if (RESERVED.has(word))
      throw new NewServiceInputError(`feature name "${feature}" gives the JavaScript keyword "${word}" as a variable name; pick another`);
  }
  return {
    service,
    schema: service.replace(/-/g, '_'),
    portVar: `${service.toUpperCase().replace(/-/g, '_')}_PORT`,
    feature,
    Feature: pascal(feature),
    featureVar: camel(feature),
    table: feature.replace(/-/g, '_'),
    entity,
    Entity: pascal(entity),
    ENTITY: entity.replace(/-/g, '_'),
    entityVar: camel(entity),
  };
}
