import { assertSchemaName } from './schema-name';

/** The service's Prisma client: its injection token and the module(s) that provide it. */
export interface PersistencePrismaOptions {
  /** Token of the Prisma client (a class extending `PrismaClient`); it may resolve to `null` in memory mode. */
  token: unknown;
  /** Modules that export `token`. Default: none. */
  imports?: unknown[];
}

/** Options of `PersistenceModule.forRoot`; every field has a default. */
export interface PersistenceModuleOptions {
  /**
   * The service's own Postgres schema (its tables, the outbox, the inbox), a lowercase
   * identifier. Default: `public`. Must match `prisma/<service>/platform.json`.
   */
  schema?: string;
  /**
   * The service's Prisma client: `@Transactional()` then runs Prisma interactive
   * transactions, and plain-SQL adapters join them. Default: none (pg transactions on
   * the shared pool).
   */
  prisma?: PersistencePrismaOptions;
}

/** {@link PersistenceModuleOptions} with every default applied. */
export interface ResolvedPersistenceOptions {
  schema: string;
  prisma?: PersistencePrismaOptions;
}

/** Applies defaults and rejects a bad schema name at start-up. */
export function resolvePersistenceOptions(options: PersistenceModuleOptions = {}): ResolvedPersistenceOptions {
  return { schema: assertSchemaName(options.schema ?? 'public'), prisma: options.prisma };
}
