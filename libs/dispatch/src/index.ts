export { DispatchModule } from './dispatch.module';
export { DispatchService, toRule } from './dispatch.service';
export { RegistryService } from './registry.service';
export type { BodyPatch } from './registry.service';
export { DEFAULT_RULES } from './default-rules';
