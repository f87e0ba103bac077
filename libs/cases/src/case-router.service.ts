import { Injectable } from '@nestjs/common';
import { Executor } from '@tiaojie/db';
import { OrgRepository, OrgRow } from '@tiaojie/org';
import { CaseRepository } from './case.repository';

export interface RoutingDecision {
  bodyId: string | null;
  explanation: {
    rule: string;
    candidates: { id: string; name: string; reason: string; load: number; capacity: number }[];
    winner: string | null;
    why: string;
  };
}

/**
 * First routing rule: the specialised body for the category whose jurisdiction covers the street
 * (street level before district level), else the street's people's mediation committee; ties by load.
 */
@Injectable()
export class CaseRouterService {
  constructor(private readonly orgs: OrgRepository, private readonly cases: CaseRepository) {}

  async decide(db: Executor, facts: { category: string; streetCode: string | null; excludeBodyIds?: string[] }): Promise<RoutingDecision> {
    const bodies = (await this.orgs.listActive(db)).filter((o) => !(facts.excludeBodyIds ?? []).includes(o.id));
    const load = await this.cases.openLoadByBody(db);
    const covers = (o: OrgRow) => facts.streetCode !== null && o.streetCodes.includes(facts.streetCode);
    const hasRoom = (o: OrgRow) => (load.get(o.id) ?? 0) < o.capacity;
    const rank = (list: OrgRow[]) => list.filter(hasRoom).sort((a, b) => {
      const lvl = (o: OrgRow) => (o.level === 'community' ? 0 : o.level === 'street' ? 1 : 2);
      return lvl(a) - lvl(b) || (load.get(a.id) ?? 0) / a.capacity - (load.get(b.id) ?? 0) / b.capacity || a.code.localeCompare(b.code);
    });
    const specialised = rank(bodies.filter((o) => o.kind === 'industry' && o.categories.includes(facts.category) && covers(o)));
    const street = rank(bodies.filter((o) => o.kind === 'peoples' && o.level === 'street' && covers(o)));
    const describe = (list: OrgRow[], reason: string) => list.map((o) => ({ id: o.id, name: o.name, reason, load: load.get(o.id) ?? 0, capacity: o.capacity }));
    const candidates = [...describe(specialised, '专业性调解组织，受理该类纠纷且辖区覆盖'), ...describe(street, '属地街道人民调解委员会')];
    const winner = specialised[0] ?? street[0] ?? null;
    return {
      bodyId: winner?.id ?? null,
      explanation: {
        rule: 'specialised-then-street',
        candidates,
        winner: winner?.name ?? null,
        why: winner
          ? specialised[0] ? `纠纷类别对应的专业性调解组织：${winner.name}` : `无对应专业性调解组织，分派至属地街道人民调解委员会：${winner.name}`
          : '没有可受理的调解组织，转区级统筹',
      },
    };
  }
}
