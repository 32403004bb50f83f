/**
 * Port: which parent a child profile belongs to (the profile service owns that). Adapters:
 * the profile service over ServiceClient, and memory for tests.
 */
export abstract class ChildDirectory {
  /** The child's parent, or `null` when profile knows no such child; throws `ProfileUnavailableError` (503) when profile cannot answer. */
  abstract parentOf(childProfileId: string): Promise<string | null>;
}
