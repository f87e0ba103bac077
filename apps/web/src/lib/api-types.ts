import type { components } from './api-schema';

/** The api's request and response bodies by DTO name, generated from the OpenAPI document (`npm run gen:api`). */
export type Schemas = components['schemas'];
