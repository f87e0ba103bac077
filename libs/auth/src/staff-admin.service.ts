import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, ErrorCode, Role, STAFF_ROLES, orgOf } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { PasswordHasher } from './password.hasher';
import { UserRepository } from './user.repository';

export interface NewStaff {
  username: string;
  displayName: string;
  role: Role;
  orgId: string;
  password: string;
  phone?: string;
  specialties?: string[];
}

/** Staff accounts: the district admin manages everyone, a body admin the mediators of their own body. */
@Injectable()
export class StaffAdminService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    private readonly db: DbService,
    private readonly clock: Clock,
  ) {}

  list(actor: Actor, orgId?: string) {
    if (actor.role === Role.BodyAdmin) return this.users.staff(this.db.db, orgOf(actor));
    if (actor.role !== Role.DistrictAdmin) throw DomainError.forbidden();
    return this.users.staff(this.db.db, orgId);
  }

  async create(actor: Actor, input: NewStaff) {
    this.assertCanManage(actor, input.role, input.orgId);
    if (!STAFF_ROLES.includes(input.role)) throw DomainError.validation('角色无效', { field: 'role' });
    const problem = PasswordHasher.policyViolation(input.password);
    if (problem) throw DomainError.validation(problem, { field: 'password' });
    const passwordHash = await this.hasher.hash(input.password);
    return this.db.transaction(async (tx) => {
      if (await this.users.byUsername(tx, input.username))
        throw new DomainError(ErrorCode.CONFLICT, `用户名已存在：${input.username}`);
      const user = await this.users.insert(tx, {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        orgId: input.orgId,
        passwordHash,
        phone: input.phone ?? null,
        specialties: input.specialties ?? [],
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, actor, {
        action: 'staff.created',
        entityType: 'user',
        entityId: user.id,
        data: { role: input.role, orgId: input.orgId },
      });
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        orgId: user.orgId,
        specialties: user.specialties,
        active: user.active,
      };
    });
  }

  /** Deactivating signs the person out everywhere. */
  async update(
    actor: Actor,
    id: string,
    patch: { active?: boolean; specialties?: string[]; displayName?: string },
  ) {
    return this.db.transaction(async (tx) => {
      const user = await this.users.byId(tx, id);
      if (!user || user.role === Role.Party) throw DomainError.notFound('staff', id);
      this.assertCanManage(actor, user.role as Role, user.orgId!);
      const updated = await this.users.updateUser(tx, id, patch);
      if (patch.active === false) await this.users.revokeAllRefresh(tx, id, this.clock.now());
      await this.audit.record(tx, actor, {
        action: 'staff.updated',
        entityType: 'user',
        entityId: id,
        data: patch,
      });
      return {
        id,
        username: updated!.username,
        displayName: updated!.displayName,
        role: updated!.role,
        orgId: updated!.orgId,
        specialties: updated!.specialties,
        active: updated!.active,
      };
    });
  }

  private assertCanManage(actor: Actor, role: Role, orgId: string): void {
    if (actor.role === Role.DistrictAdmin) return;
    if (actor.role === Role.BodyAdmin && actor.orgId === orgId && role === Role.Mediator) return;
    throw DomainError.forbidden('只能管理本组织的调解员');
  }
}
