import { Module } from '@nestjs/common';
import { AuditModule } from '@tiaojie/audit';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password.hasher';
import { LogSmsSender, SmsSender } from './sms.sender';
import { TokenService } from './token.service';
import { UserRepository } from './user.repository';
import { StaffAdminService } from './staff-admin.service';

@Module({
  imports: [AuditModule],
  providers: [
    StaffAdminService,
    AuthService,
    TokenService,
    PasswordHasher,
    UserRepository,
    { provide: SmsSender, useClass: LogSmsSender },
  ],
  exports: [StaffAdminService, AuthService, TokenService, PasswordHasher, UserRepository, SmsSender],
})
export class AuthModule {}
