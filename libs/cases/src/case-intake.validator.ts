import { Injectable } from '@nestjs/common';
import { DomainError } from '@tiaojie/core';
import { isMobilePhone, isValidChineseId } from '@tiaojie/personal-data';
import { DbService } from '@tiaojie/db';
import { DispatchService } from '@tiaojie/dispatch';
import { OrgRepository, CATEGORY_CODES } from '@tiaojie/org';
import { PartyInput } from './case.types';

/** What every new dispute must satisfy, whichever way it enters: a known category and place, valid parties. */
@Injectable()
export class CaseIntakeValidator {
  constructor(
    private readonly db: DbService,
    private readonly dispatch: DispatchService,
    private readonly orgs: OrgRepository,
  ) {}

  async validate(
    category: string,
    streetCode: string | null,
    communityCode: string | null | undefined,
    parties: PartyInput[],
  ): Promise<void> {
    if (!(CATEGORY_CODES as string[]).includes(category))
      throw DomainError.validation(`纠纷类别无效`, {
        field: 'category',
      });
    // the cached reference list answers known codes; an unknown one is looked up before it is refused
    const known = streetCode
      ? (await this.dispatch.streets(this.db.db))?.find((st) => st.code === streetCode)
      : undefined;
    if (streetCode && !known && !(await this.orgs.street(this.db.db, streetCode)))
      throw DomainError.validation('所属街道无效', { field: 'streetCode' });
    if (
      communityCode &&
      (!streetCode ||
        !(
          known?.communities.includes(communityCode) ||
          (await this.orgs.community(this.db.db, communityCode, streetCode))
        ))
    ) {
      throw DomainError.validation('所属社区无效', {
        field: 'communityCode',
      });
    }
    for (const p of parties) {
      if (p.idNumber && p.partyType !== 'organization' && !isValidChineseId(p.idNumber))
        throw DomainError.validation(`身份证号码校验失败：${p.name}`, {
          field: 'idNumber',
        });
      if (p.phone && !isMobilePhone(p.phone))
        throw DomainError.validation(`手机号格式不正确：${p.name}`, { field: 'phone' });
      if (p.partyType === 'organization' && !p.representative)
        throw DomainError.validation(`单位当事人须填写法定代表人：${p.name}`, {
          field: 'representative',
        });
      if (p.agent && !p.agent.powerOfAttorney?.trim())
        throw DomainError.validation(`代理人须提供授权委托书：${p.agent.name}`, {
          field: 'agent.powerOfAttorney',
        });
    }
  }
}
