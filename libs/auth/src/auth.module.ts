import { Module } from '@nestjs/common';
import { AuditModule } from '@tiaojie/audit';
import { AuthService } from './auth.service';
import { PasswordHasher } from './password.hasher';
import { LogSmsSender, SmsSender } from './sms.sender';
import { TokenService } from './token.service';
import { UserRepository } from './user.repository';

@Module({
  imports: [AuditModule],
  providers: [AuthService, TokenService, PasswordHasher, UserRepository, { provide: SmsSender, useClass: LogSmsSender }],
  exports: [AuthService, TokenService, PasswordHasher, UserRepository, SmsSender],
})
export class AuthModule {}
