import { join } from 'node:path';
import * as prettier from 'prettier';
import type { PlannedFile } from './service-files';

/**
 * A formatter for `planService`: prints TS/JS/JSON/Markdown files (created ones and the edited package.json and README.md) the way the repository's Prettier
 * config (`.prettierrc` above `root`) does, since names change line lengths. Other files stay as rendered.
 */
export function formatWithPrettier(root: string): (file: PlannedFile) => Promise<string> {
  return async (file) => {
    if (!/\.(ts|js|json|md)$/.test(file.path)) return file.content;
    const filepath = join(root, file.path);
    const config = (await prettier.resolveConfig(filepath)) ?? {};
    return prettier.format(file.content, { ...config, filepath });
  };
}
