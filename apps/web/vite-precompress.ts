import type { Plugin } from 'vite';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const TEXT = /\.(js|mjs|css|html|svg|json|txt)$/;

/**
 * Writes a .br (quality 11) and a .gz (level 9) beside every text file of the build, so the server sends the
 * smallest encoding without compressing per request. Files under 1 KiB are left alone: headers would outweigh it.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'tj-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const files = (await readdir(outDir, { recursive: true })) as string[];
      for (const rel of files.filter((f) => TEXT.test(f))) {
        const file = path.join(outDir, rel);
        const data = await readFile(file);
        if (data.length < 1024) continue;
        const br = brotliCompressSync(data, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: 11,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
          },
        });
        await writeFile(`${file}.br`, br);
        await writeFile(`${file}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}
