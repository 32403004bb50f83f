import { MODULE_METADATA } from '@nestjs/common/constants';
import type { ConfigFragment } from './config-fragment';
import { UsesConfigDecorator } from './uses-config.decorator';

type ModuleRef = unknown;

const fragmentsOf = (moduleClass: unknown): readonly ConfigFragment[] =>
  typeof moduleClass === 'function'
    ? ((Reflect.getMetadata(UsesConfigDecorator.KEY, moduleClass) as readonly ConfigFragment[] | undefined) ?? [])
    : [];

/**
 * The config fragments declared with `@UsesConfig` on `modules` (classes Nest already
 * scanned, e.g. from `ModulesContainer`), each once, in order.
 */
export function fragmentsOfModules(modules: Iterable<unknown>): ConfigFragment[] {
  const found = new Set<ConfigFragment>();
  for (const moduleClass of modules) for (const fragment of fragmentsOf(moduleClass)) found.add(fragment);
  return [...found];
}

/**
 * The config fragments of `root` and every module it imports, read from the static module
 * tree (classes, `forRoot()` results, `forwardRef`) before Nest builds it, so `bootstrap`
 * can validate every variable of the process in one pass. Async dynamic modules
 * (`forRootAsync` returning a Promise) and lazily loaded modules are not visited.
 *
 * @example
 * const config = loadConfig(process.env, collectConfigFragments(AppModule));
 */
export function collectConfigFragments(root: ModuleRef): ConfigFragment[] {
  const classes: unknown[] = [];
  const seen = new Set<unknown>();
  const visit = (ref: ModuleRef): void => {
    if (!ref || seen.has(ref) || ref instanceof Promise) return;
    seen.add(ref);
    if (typeof ref === 'function') {
      classes.push(ref);
      for (const child of (Reflect.getMetadata(MODULE_METADATA.IMPORTS, ref) as ModuleRef[] | undefined) ?? []) visit(child);
      return;
    }
    if (typeof ref !== 'object') return;
    const forward = (ref as { forwardRef?: () => ModuleRef }).forwardRef;
    if (typeof forward === 'function') return visit(forward());
    const dynamic = ref as { module?: ModuleRef; imports?: ModuleRef[] };
    visit(dynamic.module);
    for (const child of dynamic.imports ?? []) visit(child);
  };
  visit(root);
  return fragmentsOfModules(classes);
}
