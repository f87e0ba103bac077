export { AuthModule } from './auth.module';
export { AuthService } from './auth.service';
export type { TokenPair } from './auth.service';
export { TokenService } from './token.service';
export { PasswordHasher } from './password.hasher';
export { SmsSender, LogSmsSender } from './sms.sender';
export { UserRepository } from './user.repository';
export type { UserRow } from './user.repository';
