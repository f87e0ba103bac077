import { Module } from '@nestjs/common';
import { AuditRepository } from './audit.repository';
import { AuditSealer } from './audit.sealer';
import { AuditService } from './audit.service';

@Module({ providers: [AuditRepository, AuditService, AuditSealer], exports: [AuditService] })
export class AuditModule {}
