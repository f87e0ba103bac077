import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FontUnavailableError } from './documents.errors';

/** Subset of WenQuanYi Micro Hei (Apache-2.0), built by scripts/fonts/build-cjk-subset.mjs. */
export const CJK_FONT_FILE = 'wqy-microhei-subset.ttf';

/**
 * Absolute path of the committed font. Resolved from this file, so it works from source
 * (libs/documents/src → libs/documents/assets) and from the swc build with --copy-files
 * (dist/libs/documents/src → dist/libs/documents/assets).
 */
export function cjkFontPath(): string {
  return path.join(__dirname, '../assets', CJK_FONT_FILE);
}

let cached: Buffer | undefined;

/** The committed font's bytes, read once per process. */
export function loadCjkFont(): Buffer {
  if (!cached) {
    const file = cjkFontPath();
    try {
      cached = readFileSync(file);
    } catch (err) {
      throw new FontUnavailableError(file, err);
    }
  }
  return cached;
}
