/**
 * npm run -s audit:verify [-- --json]
 *
 * Walks the hash-chained audit log of the database the server uses (DATA_DIR / DATABASE_URL) and reports the first
 * edited, inserted or deleted row. Exit code 0 when the chain is intact, 1 when it is broken.
 */
import { AuditModule, AuditService } from '@tiaojie/audit';
import { openCliContext } from './cli-context';

async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  const ctx = await openCliContext([AuditModule]);
  try {
    const result = await ctx.app.get(AuditService).verify();
    if (json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else if (result.ok)
      process.stdout.write(`审计日志完整：已校验 ${result.checked} 条记录，哈希链无断裂。\n`);
    else process.stdout.write(`审计日志被篡改：${result.problem}（已校验 ${result.checked} 条）\n`);
    return result.ok ? 0 : 1;
  } finally {
    await ctx.close();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${(err as Error).stack ?? err}\n`);
    process.exit(2);
  },
);
