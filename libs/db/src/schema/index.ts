// The whole schema, one file per area; drizzle-kit reads this folder. Add an area's file here.
export * from './core.schema';
export * from './routing.schema';
export * from './rooms.schema';
export * from './intake.schema';
export * from './stats.schema';
export * from './cases.schema';
export * from './deadlines.schema';
export * from './search.schema';
export * from './calls.schema';
