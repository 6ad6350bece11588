import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The CLI tests run the built output, as `npm start` does. Building once here, before any
 * test file starts, keeps parallel files from rebuilding dist/ under each other's feet.
 */
export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '../../../..');
  execFileSync(process.execPath, [path.join(root, 'tools/build.mjs'), '--quiet'], {
    stdio: 'inherit',
  });
}
