import { Injectable } from '@nestjs/common';
import { Actor, Clock, DomainError, Role } from '@tiaojie/core';
import {
  addCalendarDays,
  DAY_MS,
  isBusinessDate,
  startOfBusinessDay,
  toBusinessDate,
} from '@tiaojie/business-time';
import { looksLikeChineseId, maskIdNumber, maskPhone } from '@tiaojie/personal-data';
import { DISPUTE_CATEGORIES } from '@tiaojie/org';
import { EarlyWarningRepository, type DisputeRef, type WarningScope } from './early-warning.repository';

export type WarningType = 'same_place' | 'same_parties' | 'same_person' | 'many_people' | 'rising_category';

export interface WarningFlag {
  type: WarningType;
  severity: 'high' | 'medium';
  /** Why, in Chinese; personal data masked. */
  reason: string;
  count: number;
  disputeIds: string[];
  disputes: DisputeRef[];
}

/** Thresholds (local examples, configurable per call). */
export interface WarningOptions {
  /** The window ends at the end of this Shanghai date (default: today). */
  asOf?: string;
  windowDays?: number;
  samePlaceMin?: number;
  samePersonMin?: number;
  samePartiesMin?: number;
  peopleMin?: number;
  /** A category rises fast when its last `risingDays` days hold ≥ risingMin disputes and ≥ risingFactor × the mean of the 3 periods before. */
  risingDays?: number;
  risingMin?: number;
  risingFactor?: number;
}

export const WARNING_DEFAULTS: Required<Omit<WarningOptions, 'asOf'>> = {
  windowDays: 90,
  samePlaceMin: 3,
  samePersonMin: 3,
  samePartiesMin: 2,
  peopleMin: 10,
  risingDays: 30,
  risingMin: 10,
  risingFactor: 1.5,
};

const mask = (key: string) => (looksLikeChineseId(key) ? maskIdNumber(key) : maskPhone(key));
const label = (code: string) => (DISPUTE_CATEGORIES as Record<string, string>)[code] ?? code;

/**
 * Early warning (矛盾纠纷预警): repeated disputes at one place or between the same parties, disputes
 * involving many people (群体性), categories rising fast. Each flag names its reason and its disputes.
 * District admins see every dispute; a body admin sees flags over the disputes of their own body.
 */
@Injectable()
export class EarlyWarningService {
  constructor(
    private readonly repo: EarlyWarningRepository,
    private readonly clock: Clock,
  ) {}

  async flags(
    actor: Actor,
    options: WarningOptions = {},
  ): Promise<{ asOf: string; windowDays: number; flags: WarningFlag[] }> {
    if (actor.role !== Role.DistrictAdmin && actor.role !== Role.BodyAdmin)
      throw DomainError.forbidden('只有区级或调解组织管理员可以查看预警');
    const o = {
      ...WARNING_DEFAULTS,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
    } as Required<WarningOptions>;
    const asOf = options.asOf ?? toBusinessDate(this.clock.now());
    if (!isBusinessDate(asOf)) throw DomainError.validation('日期格式应为 年-月-日', { field: 'asOf' });
    const to = startOfBusinessDay(addCalendarDays(asOf, 1));
    const scope: WarningScope = {
      from: new Date(to.getTime() - o.windowDays * DAY_MS),
      to,
      bodyId: actor.role === Role.BodyAdmin ? actor.orgId : null,
    };
    if (actor.role === Role.BodyAdmin && !actor.orgId) throw DomainError.forbidden('账号未关联调解组织');

    const flags: Omit<WarningFlag, 'disputes'>[] = [];
    for (const p of await this.repo.samePlace(scope, o.samePlaceMin)) {
      flags.push({
        type: 'same_place',
        severity: p.ids.length >= 2 * o.samePlaceMin ? 'high' : 'medium',
        count: p.ids.length,
        disputeIds: p.ids,
        reason: `同一地点（${p.place}）${o.windowDays}日内发生纠纷${p.ids.length}起`,
      });
    }
    for (const p of await this.repo.sameParties(scope, o.samePartiesMin)) {
      flags.push({
        type: 'same_parties',
        severity: 'high',
        count: p.ids.length,
        disputeIds: p.ids,
        reason: `相同当事人（${p.names}；${mask(p.a)}、${mask(p.b)}）${o.windowDays}日内反复发生纠纷${p.ids.length}起`,
      });
    }
    for (const p of await this.repo.samePerson(scope, o.samePersonMin)) {
      flags.push({
        type: 'same_person',
        severity: 'medium',
        count: p.ids.length,
        disputeIds: p.ids,
        reason: `同一当事人（${p.name}，${mask(p.person)}）${o.windowDays}日内涉及纠纷${p.ids.length}起`,
      });
    }
    for (const d of await this.repo.manyPeople(scope, o.peopleMin)) {
      flags.push({
        type: 'many_people',
        severity: d.people >= 3 * o.peopleMin ? 'high' : 'medium',
        count: 1,
        disputeIds: [d.id],
        reason: `涉及人数${d.people}人（≥${o.peopleMin}人），可能为群体性纠纷`,
      });
    }
    flags.push(...(await this.rising(scope, o)));
    const refs = new Map(
      (await this.repo.refs([...new Set(flags.flatMap((f) => f.disputeIds.slice(0, 20)))])).map((r) => [
        r.id,
        r,
      ]),
    );
    const rank = (f: Omit<WarningFlag, 'disputes'>) => (f.severity === 'high' ? 0 : 1);
    return {
      asOf,
      windowDays: o.windowDays,
      flags: flags
        .sort((a, b) => rank(a) - rank(b) || b.count - a.count)
        .map((f) => ({
          ...f,
          disputes: f.disputeIds
            .slice(0, 20)
            .map((id) => refs.get(id)!)
            .filter(Boolean),
        })),
    };
  }

  private async rising(
    scope: WarningScope,
    o: Required<WarningOptions>,
  ): Promise<Omit<WarningFlag, 'disputes'>[]> {
    const counts = await this.repo.categoryCounts(scope, o.risingDays, 4);
    const out: Omit<WarningFlag, 'disputes'>[] = [];
    for (const category of new Set(counts.map((c) => c.category))) {
      const n = (w: number) => counts.find((c) => c.category === category && c.window === w)?.n ?? 0;
      const current = n(0);
      const baseline = (n(1) + n(2) + n(3)) / 3;
      if (current < o.risingMin || current < o.risingFactor * Math.max(baseline, 1)) continue;
      const current30 = { ...scope, from: new Date(scope.to.getTime() - o.risingDays * DAY_MS) };
      const ids = (await this.repo.categoryIds(current30, category, 50)).map((r) => r.id);
      out.push({
        type: 'rising_category',
        severity: current >= 2 * o.risingFactor * Math.max(baseline, 1) ? 'high' : 'medium',
        count: current,
        disputeIds: ids,
        reason: `${label(category)}近${o.risingDays}日${current}起，此前${o.risingDays * 3}日平均每${o.risingDays}日${baseline.toFixed(1)}起，${baseline > 0 ? `增至${(current / baseline).toFixed(1)}倍` : '此前没有'}`,
      });
    }
    return out;
  }
}
