import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pdfToText, squash } from './pdf-text.testing';

/**
 * The server build compiles libs with `swc ... -d dist --copy-files`; the font must be found from
 * the compiled files too (dist/libs/documents/src → dist/libs/documents/assets).
 */
describe('compiled library (swc --copy-files layout)', () => {
  const repo = path.resolve(__dirname, '../../..');
  let out: string;

  beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'tiaojie-documents-dist-'));
    execFileSync(
      path.join(repo, 'node_modules/.bin/swc'),
      // with the pure libs it imports
      ['libs/documents', 'libs/personal-data', 'libs/business-time', '-d', out, '--copy-files', '--quiet'],
      { cwd: repo },
    );
  });

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('copies the font and renders an agreement from dist', () => {
    const lib = path.join(out, 'libs/documents');
    expect(existsSync(path.join(lib, 'assets/wqy-microhei-subset.ttf'))).toBe(true);
    const script = `
      const documents = require(process.argv[1]);
      const { sampleAgreement } = require(process.argv[2]);
      documents.renderAgreementPdf(sampleAgreement()).then((pdf) => {
        process.stdout.write(JSON.stringify({ font: documents.cjkFontPath(), pdf: pdf.toString('base64') }));
      });`;
    const result = JSON.parse(
      execFileSync(
        process.execPath,
        ['-e', script, path.join(lib, 'src/index.js'), path.join(lib, 'src/agreement.fixture.js')],
        {
          env: { ...process.env, NODE_PATH: path.join(repo, 'node_modules') },
          encoding: 'utf8',
          maxBuffer: 16 * 1024 * 1024,
        },
      ),
    ) as { font: string; pdf: string };
    expect(result.font).toBe(path.join(lib, 'assets/wqy-microhei-subset.ttf'));
    expect(squash(pdfToText(Buffer.from(result.pdf, 'base64')))).toContain('人民调解协议书');
  });
});
