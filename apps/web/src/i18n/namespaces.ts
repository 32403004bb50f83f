/**
 * The message namespaces: one JSON file per namespace and locale,
 * `messages/<locale>/<namespace>.json`, merged into one catalogue per request
 * (src/i18n/request.ts). `admin` belongs to the admin pages (`src/app/[locale]/admin/**`).
 */
export const NAMESPACES = ['common', 'errors', 'onboarding', 'dashboard', 'kids', 'admin'] as const;

/** One message namespace. */
export type Namespace = (typeof NAMESPACES)[number];
