export { AuditModule } from './audit.module';
export { AuditService, auditHash, GENESIS_HASH } from './audit.service';
export type { AuditEntry, ChainCheck } from './audit.service';
