export { DispatchModule } from './dispatch.module';
export { DispatchService } from './dispatch.service';
export { toRule } from './routing-facts';
export { RegistryService } from './registry.service';
export type { BodyPatch } from './registry.service';
export { DEFAULT_RULES } from './default-rules';
