import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** nest-cli.json describes the monorepo to Nest's tooling: it must name every app and lib that exists. */
describe('nest-cli.json', () => {
  const root = path.resolve(__dirname, '..');
  const cfg = JSON.parse(readFileSync(path.join(root, 'nest-cli.json'), 'utf8')) as {
    monorepo: boolean;
    compilerOptions: { builder: { type: string; options: { filenames: string[] } } };
    projects: Record<string, { type: string; sourceRoot: string; entryFile: string }>;
  };

  it('is a monorepo built with swc from every server source folder', () => {
    expect(cfg.monorepo).toBe(true);
    expect(cfg.compilerOptions.builder.type).toBe('swc');
    for (const dir of cfg.compilerOptions.builder.options.filenames)
      expect(existsSync(path.join(root, dir))).toBe(true);
  });

  it('names the api and worker apps with their entry files', () => {
    for (const app of ['api', 'worker']) {
      expect(cfg.projects[app].type).toBe('application');
      expect(existsSync(path.join(root, `${cfg.projects[app].entryFile}.ts`))).toBe(true);
    }
  });

  it('names every lib', () => {
    const libs = readdirSync(path.join(root, 'libs')).filter((d) =>
      existsSync(path.join(root, 'libs', d, 'src', 'index.ts')),
    );
    const named = Object.entries(cfg.projects)
      .filter(([, p]) => p.type === 'library')
      .map(([name]) => name);
    expect(named.sort()).toEqual(libs.sort());
  });
});
