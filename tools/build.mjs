// Compiles every app and library from src/ to dist/ with SWC: one pass, no type check
// (`npm run typecheck` does that). SWC rather than tsc because Nest needs decorator
// metadata and a full tsc emit of the workspace is many times slower on two cores.
import { transformFile } from '@swc/core';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const packageDirs = async (base) =>
  (await readdir(path.join(root, base), { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => path.join(root, base, d.name));

async function* sources(dir) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (/\.ts$/.test(entry.name) && !/\.(spec|test)\.ts$|\.d\.ts$/.test(entry.name))
      yield full;
  }
}

const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: true,
};

const dirs = [
  ...(await packageDirs('apps')),
  ...(await packageDirs('libs/shared')),
  ...(await packageDirs('libs/server')),
  ...(await packageDirs('libs/web')),
];
/** The portals and their libraries (`scope:web`) are built by Next.js, not here. */
const isWeb = async (dir) => {
  try {
    const pkg = JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8'));
    return (pkg.nx?.tags ?? []).includes('scope:web');
  } catch {
    return false;
  }
};
let count = 0;
await Promise.all(
  dirs.map(async (dir) => {
    if (await isWeb(dir)) return;
    const src = path.join(dir, 'src');
    const dist = path.join(dir, 'dist');
    try {
      await readdir(src);
    } catch {
      return;
    }
    await rm(dist, { recursive: true, force: true });
    for await (const file of sources(src)) {
      const out = path.join(dist, path.relative(src, file)).replace(/\.ts$/, '.js');
      const { code, map } = await transformFile(file, {
        ...options,
        filename: file,
        sourceFileName: path.relative(path.dirname(out), file),
      });
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, `${code}\n//# sourceMappingURL=${path.basename(out)}.map\n`);
      if (map) await writeFile(`${out}.map`, map);
      count++;
    }
  }),
);
if (!process.argv.includes('--quiet')) console.log(`built ${count} files`);
