import fs from 'node:fs';
import path from 'node:path';

/**
 * People read Chinese; programs read codes. Every string literal that holds Chinese text (error messages, notices,
 * labels) must not carry English words beside it, such as "验证码错误或已过期 (wrong or expired code)".
 * Names of formats, standards and headers people meet as such (PDF, Unicode, Idempotency-Key…) are allowed.
 */
const ROOT = path.resolve(__dirname, '../../..');
const DIRS = ['libs', 'apps/api/src', 'apps/worker/src', 'apps/web/src', 'src'];
const ALLOWED = new Set(
  (
    'PDF pdf CSV Excel Word Office PowerPoint Markdown JSON XLSX xlsx xls csv JPEG PNG GIF WebP Unicode NUL SHA ' +
    'MB KB ID SMS URL Idempotency-Key multipart form-data file clientMsgId ' +
    // key names as printed on a keyboard
    'Enter Shift'
  ).split(' '),
);
const CJK = /[\u4e00-\u9fff]/;
/** Text for developers or operators, not people: OpenAPI descriptions, log lines, policy notes behind codes. */
const NOT_FOR_PEOPLE = /ApiProperty|description:|setTitle|setDescription|console\.|logger\.|log\(/;
const NOT_FOR_PEOPLE_FILES = new Set([
  'libs/deadlines/src/core/deadline-policy.ts',
  'libs/deadlines/src/core/deadline-adjustments.ts',
  // start-up refusals for the operator, naming the DATA_DIR variable they must change
  'libs/db/src/data-dir-lock.ts',
]);

/** The text of a template literal without its `${…}` parts (which may nest templates), and without {{slots}}. */
function withoutInterpolations(text: string): string {
  let out = '';
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
      out += ' ';
    } else if (depth > 0 && text[i] === '{') depth++;
    else if (depth > 0 && text[i] === '}') depth--;
    else if (depth === 0) out += text[i];
  }
  return out.replace(/\{\{\w+\}\}/g, ' ');
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!['node_modules', 'dist', 'fixtures', 'migrations'].includes(entry.name))
        out.push(...sourceFiles(p));
    } else if (
      /\.tsx?$/.test(entry.name) &&
      !/\.(spec|int-spec|e2e-spec|testing|fixtures)\.tsx?$/.test(entry.name)
    ) {
      out.push(p);
    }
  }
  return out;
}

/** Latin words in a people-facing literal, after dropping interpolations and allowed names. */
export function latinWords(text: string): string[] {
  const words = withoutInterpolations(text).match(/[A-Za-z][A-Za-z_-]*[A-Za-z]/g) ?? [];
  return words.filter((w) => !ALLOWED.has(w));
}

function offenders(): string[] {
  const found: string[] = [];
  const literal = /'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;
  for (const dir of DIRS) {
    for (const file of sourceFiles(path.join(ROOT, dir))) {
      const rel = path.relative(ROOT, file);
      if (NOT_FOR_PEOPLE_FILES.has(rel)) continue;
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        const code = line.trimStart();
        if (
          code.startsWith('//') ||
          code.startsWith('*') ||
          code.startsWith('/*') ||
          NOT_FOR_PEOPLE.test(line)
        )
          return;
        if (NOT_FOR_PEOPLE.test(lines[i - 1] ?? '')) return;
        for (const m of line.matchAll(literal)) {
          if (!CJK.test(m[0])) continue;
          const words = latinWords(m[0].slice(1, -1));
          if (words.length > 0) found.push(`${rel}:${i + 1}: ${m[0].slice(0, 90)} [${words.join(' ')}]`);
        }
      });
    }
  }
  return found;
}

/** Messages of DomainErrors written as literals: each must be Chinese (a person reads it; the code is for programs). */
function domainMessagesWithoutChinese(): string[] {
  const found: string[] = [];
  const start = /(?:DomainError\.(?:validation|forbidden)\(|new DomainError\(\s*ErrorCode\.\w+,)\s*(['"`])/g;
  for (const dir of DIRS) {
    for (const file of sourceFiles(path.join(ROOT, dir))) {
      const src = fs.readFileSync(file, 'utf8');
      for (const m of src.matchAll(start)) {
        const quote = m[1];
        const from = m.index + m[0].length;
        const end = src.indexOf(quote, from);
        const text = src.slice(from, end);
        if (!CJK.test(withoutInterpolations(text)) || latinWords(text).length > 0)
          found.push(`${path.relative(ROOT, file)}: ${text.slice(0, 90)}`);
      }
    }
  }
  return found;
}

describe('people-facing text', () => {
  it('finds the English gloss it is meant to catch', () => {
    expect(latinWords('验证码错误或已过期 (wrong or expired code)')).toEqual([
      'wrong',
      'or',
      'expired',
      'code',
    ]);
    expect(latinWords('仅支持图片（JPEG/PNG）和 PDF 文档')).toEqual([]);
    expect(latinWords('第${i + 1}条记录不是对象${x ? `，${y}` : ""}')).toEqual([]);
    expect(latinWords('于{{dueDate}}前支付')).toEqual([]);
  });

  it('holds no English words beside Chinese in any source string', () => {
    expect(offenders()).toEqual([]);
  });

  it('gives every domain error a Chinese message', () => {
    expect(domainMessagesWithoutChinese()).toEqual([]);
  });
});
