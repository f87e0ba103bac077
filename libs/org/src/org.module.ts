import { Module } from '@nestjs/common';
import { AuthModule } from '@tiaojie/auth';
import { DemoSeeder } from './demo.seeder';
import { OrgRepository } from './org.repository';
import { OrgService } from './org.service';

@Module({
  imports: [AuthModule],
  providers: [OrgRepository, DemoSeeder, OrgService],
  exports: [OrgRepository, DemoSeeder, OrgService],
})
export class OrgModule {}
