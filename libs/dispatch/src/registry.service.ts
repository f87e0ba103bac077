import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, Role } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { CONFLICT_KINDS, DISPUTE_CATEGORY_CODES } from '@tiaojie/routing';
import { DispatchRepository } from './dispatch.repository';

export interface BodyPatch {
  capacity?: number;
  active?: boolean;
  categories?: string[];
  streetCodes?: string[];
  communityCodes?: string[];
}

/** The registry of mediation bodies and mediators (capacity, jurisdiction, load, conflicts), audited. */
@Injectable()
export class RegistryService {
  constructor(
    private readonly db: DbService,
    private readonly repo: DispatchRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async bodies() {
    const [bodies, loads, mediators, mLoads] = await Promise.all([
      this.repo.mediationBodies(this.db.db),
      this.repo.bodyLoads(this.db.db),
      this.repo.mediators(this.db.db),
      this.repo.mediatorLoads(this.db.db),
    ]);
    const returns = await this.repo.returnCounts(this.db.db);
    return bodies.map((b) => ({
      id: b.id,
      code: b.code,
      name: b.name,
      kind: b.kind,
      level: b.level,
      categories: b.categories,
      streetCodes: b.streetCodes,
      communityCodes: b.communityCodes,
      capacity: b.capacity,
      active: b.active,
      openCases: loads.get(b.id) ?? 0,
      returns: returns.filter((r) => r.bodyId === b.id).reduce((n, r) => n + r.count, 0),
      mediators: mediators
        .filter((m) => m.orgId === b.id)
        .map((m) => ({
          id: m.id,
          name: m.displayName,
          specialties: m.specialties,
          active: m.active,
          openCases: mLoads.get(m.id) ?? 0,
        })),
    }));
  }

  async updateBody(actor: Actor, id: string, patch: BodyPatch) {
    if (actor.role !== Role.DistrictAdmin) throw DomainError.forbidden('仅区级管理员可维护调解组织名录');
    const unknown = (patch.categories ?? []).filter(
      (c) => !(DISPUTE_CATEGORY_CODES as readonly string[]).includes(c),
    );
    if (unknown.length)
      throw DomainError.validation(`未知纠纷类别：${unknown.join(', ')}`, {
        field: 'categories',
      });
    return this.db.transaction(async (tx) => {
      const updated = await this.repo.updateBody(tx, id, patch);
      if (!updated) throw DomainError.notFound('body', id);
      await this.audit.record(tx, actor, {
        action: 'registry.body_updated',
        entityType: 'organization',
        entityId: id,
        data: { ...patch },
      });
      return updated;
    });
  }

  async conflicts(actor: Actor, mediatorId: string) {
    await this.assertCanManage(actor, mediatorId);
    return this.repo.conflicts(this.db.db, [mediatorId]);
  }

  async declareConflict(
    actor: Actor,
    mediatorId: string,
    input: { kind: string; partyKey: string; note?: string },
  ) {
    await this.assertCanManage(actor, mediatorId);
    if (!CONFLICT_KINDS.some((k) => k.code === input.kind))
      throw DomainError.validation(`利害关系类型无效`, { field: 'kind' });
    return this.db.transaction(async (tx) => {
      const row = await this.repo.insertConflict(tx, {
        mediatorId,
        kind: input.kind,
        partyKey: input.partyKey.trim(),
        note: input.note ?? null,
        createdBy: actor.id,
        createdAt: this.clock.now(),
      });
      await this.audit.record(tx, actor, {
        action: 'registry.conflict_declared',
        entityType: 'user',
        entityId: mediatorId,
        data: { kind: input.kind, conflictId: row.id },
      });
      return row;
    });
  }

  async removeConflict(actor: Actor, mediatorId: string, conflictId: string): Promise<void> {
    await this.assertCanManage(actor, mediatorId);
    await this.db.transaction(async (tx) => {
      const row = await this.repo.deleteConflict(tx, conflictId);
      if (!row || row.mediatorId !== mediatorId) throw DomainError.notFound('conflict', conflictId);
      await this.audit.record(tx, actor, {
        action: 'registry.conflict_removed',
        entityType: 'user',
        entityId: mediatorId,
        data: { conflictId },
      });
    });
  }

  /** The mediator themself, their body's admin, or the district admin; 404 when the id is not a mediator's. */
  private async assertCanManage(actor: Actor, mediatorId: string): Promise<void> {
    const m = await this.repo.mediator(this.db.db, mediatorId);
    if (!m) throw DomainError.notFound('mediator', mediatorId);
    if (actor.role === Role.DistrictAdmin || actor.id === mediatorId) return;
    if (actor.role === Role.BodyAdmin && actor.orgId === m.orgId) return;
    throw DomainError.forbidden('只能维护本组织调解员的回避信息');
  }
}
