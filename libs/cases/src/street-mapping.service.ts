import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, ErrorCode, RealtimeEvent, RealtimePublisher, Role } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { AuditService } from '@tiaojie/audit';
import { CaseCreationService } from './case-creation.service';
import { CaseRepository } from './case.repository';
import { StreetMappingRepository, UnknownStreetName } from './street-mapping.repository';

export interface StreetMappingResult {
  name: string;
  streetCode: string;
  /** Waiting imported disputes that now have the street. */
  placed: number;
  /** Of those, the ones the rules sent to a body (the others went to the district queue). */
  routed: number;
  toDistrictQueue: number;
}

const MAX_NAME = 50;

/**
 * The district admin maps a street name that imports carry but the directory lacks onto a street, once: later
 * imports resolve it (libs/intake reads the mapping with the directory), and the imported disputes held back for want
 * of a street get it and are routed now.
 */
@Injectable()
export class StreetMappingService {
  constructor(
    private readonly db: DbService,
    private readonly repo: StreetMappingRepository,
    private readonly cases: CaseRepository,
    private readonly creation: CaseCreationService,
    private readonly audit: AuditService,
    private readonly publisher: RealtimePublisher,
    private readonly clock: Clock,
  ) {}

  unknownNames(actor: Actor): Promise<UnknownStreetName[]> {
    this.assertDistrictAdmin(actor);
    return this.repo.unknownNames(this.db.db);
  }

  async map(actor: Actor, rawName: string, streetCode: string): Promise<StreetMappingResult> {
    this.assertDistrictAdmin(actor);
    const name = rawName.trim();
    if (!name || name.length > MAX_NAME)
      throw DomainError.validation(`街道名称须为 1–${MAX_NAME} 个字符`, { field: 'name' });
    if (!(await this.repo.streetExists(this.db.db, streetCode)))
      throw DomainError.validation('所选街道不在本区目录中', { field: 'streetCode' });
    if (await this.repo.streetByName(this.db.db, name))
      throw DomainError.validation(`「${name}」已是目录中的街道名称，无需映射`, { field: 'name' });
    if (!(await this.repo.seenInImports(this.db.db, name)))
      throw new DomainError(ErrorCode.NOT_FOUND, `导入数据中没有街道名称「${name}」`, { field: 'name' });

    const events: RealtimeEvent[] = [];
    const result = await this.db.transaction(async (tx) => {
      const stored = await this.repo.insertAlias(tx, name, streetCode, actor.id);
      if (stored !== streetCode)
        throw new DomainError(ErrorCode.CONFLICT, `「${name}」已映射到其他街道`, {
          field: 'name',
          streetCode: stored,
        });
      const out: StreetMappingResult = { name, streetCode, placed: 0, routed: 0, toDistrictQueue: 0 };
      for (const waiting of await this.repo.waitingDisputes(tx, name)) {
        const current = await this.cases.byId(tx, waiting.id);
        if (!current || current.status !== 'received' || current.streetCode !== null) continue;
        const communityCode = await this.repo.communityCode(tx, streetCode, waiting.community);
        const placed = await this.cases.updateIfVersion(tx, current.id, current.version, {
          streetCode,
          communityCode,
          updatedAt: this.clock.now(),
        });
        if (!placed) continue;
        await this.audit.record(tx, actor, {
          action: 'case.place_resolved',
          entityType: 'dispute',
          entityId: placed.id,
          data: { streetName: name, streetCode, communityCode },
        });
        const routed = await this.creation.routeInTx(tx, placed, events);
        out.placed++;
        if (routed.status === 'routed') out.routed++;
        else out.toDistrictQueue++;
      }
      await this.audit.record(tx, actor, {
        action: 'intake.street_mapped',
        entityType: 'street_alias',
        entityId: name,
        data: { ...out },
      });
      return out;
    });
    this.publisher.publish(events);
    return result;
  }

  private assertDistrictAdmin(actor: Actor): void {
    if (actor.role !== Role.DistrictAdmin) throw DomainError.forbidden('仅区级管理员可映射街道名称');
  }
}
