import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Compiled code lives in dist/src/..., sources in src/...: walk up to the folder
// holding package.json so views, locales and content resolve the same in both.
function findProjectRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
