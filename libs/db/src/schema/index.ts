export * from './core.schema';
export * from './routing.schema';
