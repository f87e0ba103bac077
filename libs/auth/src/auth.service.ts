import { Inject, Injectable } from '@nestjs/common';
import { randomInt, randomUUID } from 'node:crypto';
import { APP_CONFIG, AppConfig, Actor, Clock, DomainError, ErrorCode, Role } from '@tiaojie/core';
import { isMobilePhone, maskPhone } from '@tiaojie/personal-data';
import { DbService } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { PasswordHasher } from './password.hasher';
import { SmsSender } from './sms.sender';
import { TokenService } from './token.service';
import { UserRepository, UserRow } from './user.repository';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; role: Role; orgId: string | null; displayName: string };
}

const OTP_TTL_MS = 5 * 60_000;
const OTP_MAX_ATTEMPTS = 5;
const OTP_PER_10_MIN = 5;
const SIGN_IN_WINDOW_MS = 15 * 60_000;

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly sms: SmsSender,
    private readonly audit: AuditService,
    private readonly db: DbService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async signInStaff(username: string, password: string, ip?: string): Promise<TokenPair> {
    const now = this.clock.now();
    const failed = await this.users.failedAttempts(
      this.db.db,
      username,
      ip ?? null,
      new Date(now.getTime() - SIGN_IN_WINDOW_MS),
    );
    if (failed.byUser >= this.config.signInAttempts || failed.byIp >= this.config.signInAttempts * 5) {
      throw new DomainError(ErrorCode.RATE_LIMITED, '登录失败次数过多，请 15 分钟后再试');
    }
    const user = await this.users.byUsername(this.db.db, username);
    const ok = user?.passwordHash ? await this.hasher.verify(user.passwordHash, password) : false;
    if (!user || !ok || !user.active || user.role === Role.Party) {
      await this.users.recordAttempt(this.db.db, username, ip ?? null, false, now);
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, '用户名或密码错误');
    }
    if (user.isDemo && this.config.nodeEnv === 'production') {
      // refused: counted as a failed attempt (it counts toward the sign-in limit like a wrong password)
      await this.users.recordAttempt(this.db.db, username, ip ?? null, false, now);
      throw new DomainError(ErrorCode.DEMO_DISABLED, '演示账号在生产环境中不可用');
    }
    await this.users.recordAttempt(this.db.db, username, ip ?? null, true, now);
    return this.issue(user, ip);
  }

  /**
   * Sends a 6-digit one-time code by SMS. Rate limited per phone and purpose, so signing codes cannot be starved
   * by sign-in codes (or the other way round).
   */
  async requestCode(phone: string, purpose = 'sign_in'): Promise<{ sent: true; expiresIn: number }> {
    if (!isMobilePhone(phone)) throw DomainError.validation('手机号格式不正确', { field: 'phone' });
    const now = this.clock.now();
    const recent = await this.users.otpSentSince(
      this.db.db,
      phone,
      purpose,
      new Date(now.getTime() - 10 * 60_000),
    );
    if (recent >= OTP_PER_10_MIN)
      throw new DomainError(ErrorCode.RATE_LIMITED, '验证码发送过于频繁，请稍后再试');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.users.insertOtp(this.db.db, {
      phone,
      purpose,
      codeHash: TokenService.hash(`${phone}:${code}`),
      expiresAt: new Date(now.getTime() + OTP_TTL_MS),
      createdAt: now,
    });
    await this.sms.send(phone, `【调解平台】您的验证码是 ${code}，5 分钟内有效。`);
    return { sent: true, expiresIn: OTP_TTL_MS / 1000 };
  }

  /** Checks the latest one-time code for a phone; consumes it on success. */
  async verifyCode(phone: string, code: string, purpose = 'sign_in'): Promise<void> {
    const otp = await this.users.latestOtp(this.db.db, phone, purpose);
    const now = this.clock.now();
    const bad = () => new DomainError(ErrorCode.OTP_INVALID, '验证码错误或已过期');
    if (!otp || otp.consumedAt || otp.expiresAt < now || otp.attempts >= OTP_MAX_ATTEMPTS) throw bad();
    if (otp.codeHash !== TokenService.hash(`${phone}:${code}`)) {
      await this.users.bumpOtpAttempts(this.db.db, otp.id);
      throw bad();
    }
    if (!(await this.users.consumeOtp(this.db.db, otp.id, now))) throw bad();
  }

  async signInParty(phone: string, code: string, ip?: string): Promise<TokenPair> {
    await this.verifyCode(phone, code);
    let user = await this.users.byPhone(this.db.db, phone);
    if (user && user.role !== Role.Party)
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, '该手机号属于工作人员账号，请用密码登录');
    user ??= await this.users.upsertParty(this.db.db, phone, `当事人${maskPhone(phone)!.slice(-4)}`);
    return this.issue(user, ip);
  }

  /** Rotates a refresh token. Reusing a spent token revokes its whole family (theft detection). */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const now = this.clock.now();
    const row = await this.users.refreshByHash(this.db.db, TokenService.hash(refreshToken));
    const invalid = () => new DomainError(ErrorCode.UNAUTHENTICATED, '登录已失效，请重新登录');
    if (!row || row.expiresAt < now) throw invalid();
    if (row.revokedAt || !(await this.users.consumeRefresh(this.db.db, row.id, now))) {
      await this.users.revokeFamily(this.db.db, row.familyId, now);
      throw invalid();
    }
    const user = await this.users.byId(this.db.db, row.userId);
    if (!user || !user.active) throw invalid();
    return this.issue(user, undefined, row.familyId);
  }

  async signOut(refreshToken: string): Promise<void> {
    const row = await this.users.refreshByHash(this.db.db, TokenService.hash(refreshToken));
    if (row) await this.users.revokeFamily(this.db.db, row.familyId, this.clock.now());
  }

  /** Changes the caller's password under the policy and signs out every other session. */
  async changePassword(actor: Actor, current: string, next: string): Promise<void> {
    const user = actor.id ? await this.users.byId(this.db.db, actor.id) : null;
    if (!user?.passwordHash || !(await this.hasher.verify(user.passwordHash, current)))
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, '原密码错误');
    const problem = PasswordHasher.policyViolation(next);
    if (problem) throw DomainError.validation(problem, { field: 'newPassword' });
    if (next === current)
      throw DomainError.validation('新密码不能与原密码相同', {
        field: 'newPassword',
      });
    const hash = await this.hasher.hash(next);
    await this.db.transaction(async (tx) => {
      await this.users.setPassword(tx, user.id, hash);
      await this.users.revokeAllRefresh(tx, user.id, this.clock.now());
      await this.audit.record(tx, actor, {
        action: 'auth.password_changed',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  verifyAccess(token: string): Actor {
    return this.tokens.verifyAccess(token);
  }

  private async issue(user: UserRow, ip?: string, familyId: string = randomUUID()): Promise<TokenPair> {
    const actor: Actor = { id: user.id, role: user.role as Role, orgId: user.orgId, name: user.displayName };
    const { token, hash } = this.tokens.newOpaqueToken();
    const now = this.clock.now();
    await this.db.transaction(async (tx) => {
      await this.users.insertRefresh(tx, {
        userId: user.id,
        tokenHash: hash,
        familyId,
        expiresAt: new Date(now.getTime() + this.config.refreshTokenTtlSeconds * 1000),
        createdAt: now,
      });
      await this.audit.record(
        tx,
        { ...actor, ip },
        {
          action: ip === undefined ? 'auth.refresh' : 'auth.sign_in',
          entityType: 'user',
          entityId: user.id,
          data: { ip: ip ?? null },
        },
      );
    });
    return {
      accessToken: this.tokens.signAccess(actor),
      refreshToken: token,
      expiresIn: this.config.accessTokenTtlSeconds,
      user: { id: user.id, role: actor.role, orgId: user.orgId, displayName: user.displayName },
    };
  }
}
