import { Reflector } from '@nestjs/core';
import build from 'fast-json-stringify';

/** A JSON schema for a response body (draft-07, as fast-json-stringify reads it). */
export type ResponseSchema = Record<string, unknown>;

/** What {@link Serialize} stores on a handler: the schema and its compiled serializer. */
export interface SerializeMetadata {
  schema: ResponseSchema;
  stringify: (value: unknown) => string;
}

function compile(schema: ResponseSchema): SerializeMetadata {
  const label = typeof schema?.title === 'string' ? schema.title : 'schema';
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new Error(`@Serialize(${label}): expected a JSON schema object`);
  }
  try {
    return { schema, stringify: build(schema as unknown as Parameters<typeof build>[0]) as (value: unknown) => string };
  } catch (error) {
    throw new Error(`@Serialize(${label}): invalid response schema: ${(error as Error).message}`);
  }
}

/** The metadata key of {@link Serialize}. */
export const SerializeDecorator = Reflector.createDecorator<SerializeMetadata>();

/**
 * Serializes the handler's result with a fast-json-stringify function compiled once, when the
 * class is defined (so a bad schema stops the app at start-up). Properties outside the schema
 * never reach the client. Same behaviour on Express and Fastify.
 *
 * @example
 * @Serialize({ title: 'EventsResponse', type: 'object',
 *   properties: { data: { type: 'array', items: { type: 'object' } }, count: { type: 'number' } },
 *   required: ['data', 'count'] })
 * @Get('events')
 * list() { … }
 */
export function Serialize(schema: ResponseSchema): MethodDecorator & ClassDecorator {
  return SerializeDecorator(compile(schema));
}
