export * as schema from './schema';
export { DbService, MIGRATIONS_DIR } from './db.service';
export { DbModule } from './db.module';
export { createServerDatabase, createTestDatabase } from './test-database';
export { isUniqueViolation } from './pg-errors';
export { executePrepared } from './prepared-sql';
export type { Executor, RawClient, DbOptions, Schema } from './db.types';
export { bulkInsert, columnList, recordset, resultRows } from './bulk-sql';
export type { ColumnTypes, SqlType } from './bulk-sql';
