/**
 * Wiring shared by the command-line tools (import, report): configuration and database exactly as
 * the server (DATA_DIR / DATABASE_URL, migrations applied), the domain modules in a Nest
 * application context — no HTTP server, no job workers.
 */
import 'reflect-metadata';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import * as path from 'node:path';
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

export async function openCliContext(modules: any[]): Promise<CliContext> {
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

/** `--name value` and `--flag` arguments, plus the positional ones. */
export function parseArgs(
  argv: string[],
  flags: string[],
  options: string[],
): { flags: Set<string>; options: Map<string, string>; positional: string[] } {
  const out = { flags: new Set<string>(), options: new Map<string, string>(), positional: [] as string[] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [name, inline] = a.startsWith('--') ? a.slice(2).split('=', 2) : [null, null];
    if (name && flags.includes(name)) out.flags.add(name);
    else if (name && options.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      out.options.set(name, value);
    } else if (name) throw new Error(`unknown option --${name}`);
    else out.positional.push(a);
  }
  return out;
}
