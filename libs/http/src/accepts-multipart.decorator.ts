import { MODULE_METADATA } from '@nestjs/common/constants';

const KEY = 'mikasmissions:http:accepts-multipart';

/**
 * Declares, on a feature module, the routes (paths below the global prefix, e.g.
 * `creator/assets`) whose `POST` bodies may be `multipart/form-data`. The request-head check
 * lets such a body through unparsed (every other non-JSON body stays 415
 * `unsupported_media_type`), so the route reads the stream itself. Read by `createApp`.
 *
 * @example
 * @AcceptsMultipart('creator/assets')
 * @Module({ controllers: [AssetsController] })
 * export class AssetsModule {}
 */
export function AcceptsMultipart(...paths: string[]): ClassDecorator {
  for (const path of paths)
    if (!/^[a-z0-9][a-z0-9/_-]*$/i.test(path) || path.endsWith('/'))
      throw new Error(`@AcceptsMultipart: "${path}" is not a route path like "creator/assets"`);
  return (target) => Reflect.defineMetadata(KEY, paths, target);
}

/**
 * The multipart paths (with `globalPrefix`, leading `/`) declared with {@link AcceptsMultipart}
 * on `root` or any module it imports (classes, dynamic modules, `forwardRef`).
 */
export function collectMultipartPaths(root: unknown, globalPrefix?: string): string[] {
  const paths = new Set<string>();
  const seen = new Set<unknown>();
  const prefix = globalPrefix ? `/${globalPrefix}` : '';
  const visit = (ref: unknown): void => {
    if (!ref || seen.has(ref) || ref instanceof Promise) return;
    seen.add(ref);
    if (typeof ref === 'function') {
      for (const path of (Reflect.getMetadata(KEY, ref) as string[] | undefined) ?? []) paths.add(`${prefix}/${path}`);
      for (const child of (Reflect.getMetadata(MODULE_METADATA.IMPORTS, ref) as unknown[] | undefined) ?? []) visit(child);
      return;
    }
    if (typeof ref !== 'object') return;
    const forward = (ref as { forwardRef?: () => unknown }).forwardRef;
    if (typeof forward === 'function') return visit(forward());
    const dynamic = ref as { module?: unknown; imports?: unknown[] };
    visit(dynamic.module);
    for (const child of dynamic.imports ?? []) visit(child);
  };
  visit(root);
  return [...paths];
}
