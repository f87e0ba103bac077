export * from './core.schema';
export * from './routing.schema';
export * from './cases.schema';
