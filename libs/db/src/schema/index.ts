// The whole schema, one file per area; drizzle-kit reads this folder. Add an area's file here.
export * from './core.schema';
