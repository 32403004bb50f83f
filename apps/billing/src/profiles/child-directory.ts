/**
 * Port: which parent a child profile belongs to (the profile service owns that). Adapter:
 * `ProfileChildDirectory` over ServiceClient; tests run it against a fake profile server.
 */
export abstract class ChildDirectory {
  /** The child's parent, or `null` when profile knows no such child; throws `ProfileUnavailableError` (503) when profile cannot answer. */
  abstract parentOf(childProfileId: string): Promise<string | null>;
}
