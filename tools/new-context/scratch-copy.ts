import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A scratch copy of the repository to generate into: the files git knows (committed or not,
 * ignored ones left out) and a node_modules of links to this one's packages, except the
 * workspace's own `@nexo/*`, which point into the copy so that its new library resolves.
 */
export function scratchCopy(root: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'nexo-new-context-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: root })
    .toString()
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    try {
      cpSync(path.join(root, file), path.join(dir, file), { recursive: false });
    } catch (error) {
      // A file deleted in the work tree but still in the index.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const modules = path.join(dir, 'node_modules');
  mkdirSync(path.join(modules, '@nexo'), { recursive: true });
  for (const entry of readdirSync(path.join(root, 'node_modules'))) {
    if (entry === '@nexo') continue;
    symlinkSync(path.join(root, 'node_modules', entry), path.join(modules, entry));
  }
  for (const pkg of readdirSync(path.join(root, 'node_modules/@nexo'))) {
    const target = readlinkSync(path.join(root, 'node_modules/@nexo', pkg));
    symlinkSync(target, path.join(modules, '@nexo', pkg));
  }
  return dir;
}
