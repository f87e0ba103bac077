import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The engine stays pure: no database, no NestJS, nothing from the lib's database layer. */
describe('deadline engine (src/core)', () => {
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'));

  it.each(files)('%s imports only the engine, the business calendar and the bundled data', (file) => {
    const source = readFileSync(path.join(__dirname, file), 'utf8');
    const specifiers = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const s of specifiers) {
      expect(
        s === '@tiaojie/business-time' ||
          /^\.\/[\w-]+$/.test(s) ||
          s === '../../data/cn-workday-calendar.json',
      ).toBe(true);
    }
  });
});
