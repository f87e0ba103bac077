/**
 * Wiring shared by the command-line tools (import, report): configuration and database exactly as
 * the server (DATA_DIR / DATABASE_URL, migrations applied), the domain modules in a Nest
 * application context — no HTTP server, no job workers.
 */
import 'reflect-metadata';
import { INestApplicationContext, Module, ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import * as path from 'node:path';
import { parseArgs as nodeParseArgs } from 'node:util';
import { AppConfig, CoreModule, loadConfig, NoopRealtimePublisher, RealtimePublisher } from '@tiaojie/core';
import { DbModule, DbService } from '@tiaojie/db';

@Module({})
class CliRealtimeModule {
  static forRoot() {
    return {
      module: CliRealtimeModule,
      global: true,
      providers: [{ provide: RealtimePublisher, useClass: NoopRealtimePublisher }],
      exports: [RealtimePublisher],
    };
  }
}

export interface CliContext {
  app: INestApplicationContext;
  db: DbService;
  config: AppConfig;
  close: () => Promise<void>;
}

/** The directory the user ran `npm run` from (npm changes into the package root). */
export function userPath(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

export async function openCliContext(modules: NonNullable<ModuleMetadata['imports']>): Promise<CliContext> {
  // The CLI signs no tokens: a production environment without JWT_SECRET must still be able to import.
  const config = loadConfig({ ...process.env, JWT_SECRET: process.env.JWT_SECRET || 'x'.repeat(32) });
  const db = await DbService.connect({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 4,
  });
  await db.migrate();
  @Module({
    imports: [CoreModule.forRoot(config), DbModule.forRoot(db), CliRealtimeModule.forRoot(), ...modules],
  })
  class CliModule {}
  const app = await NestFactory.createApplicationContext(CliModule, { logger: false });
  return {
    app,
    db,
    config,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}

/** `--name value` and `--flag` arguments, plus the positional ones (Node's `util.parseArgs`, strict). */
export function parseArgs(
  argv: string[],
  flags: string[],
  options: string[],
): { flags: Set<string>; options: Map<string, string>; positional: string[] } {
  const spec = Object.fromEntries([
    ...flags.map((name) => [name, { type: 'boolean' as const }]),
    ...options.map((name) => [name, { type: 'string' as const }]),
  ]);
  let parsed;
  try {
    parsed = nodeParseArgs({ args: argv, options: spec, allowPositionals: true, strict: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new Error(`未知选项：${optionIn(err)}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new Error(`选项取值有误（缺少取值或不应带取值）：${optionIn(err)}`);
    throw err;
  }
  const out = {
    flags: new Set<string>(),
    options: new Map<string, string>(),
    positional: parsed.positionals,
  };
  for (const [name, value] of Object.entries(parsed.values)) {
    if (value === true) out.flags.add(name);
    else if (typeof value === 'string') out.options.set(name, value);
  }
  return out;
}

function optionIn(err: unknown): string {
  return /'(-[^']*)'/.exec((err as Error).message)?.[1] ?? '';
}
