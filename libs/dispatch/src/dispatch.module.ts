import { Module } from '@nestjs/common';
import { AuditModule } from '@tiaojie/audit';
import { DispatchRepository } from './dispatch.repository';
import { DispatchService } from './dispatch.service';
import { RegistryService } from './registry.service';

@Module({
  imports: [AuditModule],
  providers: [DispatchRepository, DispatchService, RegistryService],
  exports: [DispatchService, RegistryService],
})
export class DispatchModule {}
