import { execFileSync } from 'node:child_process';

/**
 * Test helper: the text of a PDF as extracted by poppler's pdftotext (CI installs poppler-utils).
 * Fails loudly, never skips, when the tool is missing.
 */
export function pdfToText(pdf: Buffer, args: string[] = []): string {
  try {
    return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'pdftotext is not installed: run `apt-get install -y poppler-utils` (the documents tests need it)',
      );
    }
    throw err;
  }
}

/** Test helper: `pdffonts` output (font names, embedded/subset flags, ToUnicode). */
export function pdfFonts(pdf: Buffer): string {
  try {
    return execFileSync('pdffonts', ['-'], { input: pdf, encoding: 'utf8' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'pdffonts is not installed: run `apt-get install -y poppler-utils` (the documents tests need it)',
      );
    }
    throw err;
  }
}

/** Removes all whitespace, so assertions do not depend on how pdftotext breaks lines. */
export function squash(text: string): string {
  return text.replace(/\s+/g, '');
}
