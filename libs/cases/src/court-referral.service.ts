import { Injectable } from '@nestjs/common';
import { Actor, DomainError, ErrorCode, Role, orgOf } from '@tiaojie/core';
import { isBusinessDate, startOfBusinessDay } from '@tiaojie/business-time';
import { isUniqueViolation } from '@tiaojie/db';
import { caseDue } from '@tiaojie/deadlines';
import { CaseCreationService } from './case-creation.service';
import { CaseIntakeValidator } from './case-intake.validator';
import { CaseRepository, DisputeRow } from './case.repository';
import { CourtReferralInput } from './case.types';

/** Court referrals (委派 / 委托): a judicial case with the regime's due date and its referral row. */
@Injectable()
export class CourtReferralService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly creation: CaseCreationService,
    private readonly validator: CaseIntakeValidator,
  ) {}

  /** A court refers a case: 委派 before registration (30 days) or 委托 after (15 ordinary / 7 simple). */
  async referFromCourt(actor: Actor, input: CourtReferralInput): Promise<DisputeRow> {
    if (actor.role !== Role.CourtClerk && actor.role !== Role.Judge)
      throw DomainError.forbidden('仅法院工作人员可委派/委托调解');
    // one pair of brackets around the year, at the start: （2026）苏0612民诉前调12号, never （（2026）…）
    if (!/^（\d{4}）[^（）()]+号$/.test(input.courtCaseNumber)) {
      throw DomainError.validation('案号格式应如（2024）苏0612民诉前调12号', {
        field: 'courtCaseNumber',
      });
    }
    if (input.referralType === 'post_registration' && !input.procedure)
      throw DomainError.validation('委托调解须注明普通程序或简易程序', {
        field: 'procedure',
      });
    await this.validator.validate(input.category, input.streetCode, null, input.parties);
    const regime =
      input.referralType === 'pre_registration'
        ? 'court_pre_registration'
        : input.procedure === 'simple'
          ? 'court_post_registration_simple'
          : 'court_post_registration_ordinary';
    if (!isBusinessDate(input.referredOn))
      throw DomainError.validation('委派日期无效', { field: 'referredOn' });
    const referredAt = startOfBusinessDay(input.referredOn);
    const dueAt = caseDue(regime, referredAt);
    return this.creation.create(
      actor,
      {
        channel: 'court',
        kind: 'judicial',
        category: input.category,
        title: `${input.courtCaseNumber} ${input.causeOfAction}`,
        description: input.description ?? input.causeOfAction,
        streetCode: input.streetCode,
        claimAmount: input.claimAmount,
        parties: input.parties,
        deadlineRegime: regime,
        dueAt,
        data: { courtCaseNumber: input.courtCaseNumber, referralType: input.referralType },
      },
      async (tx, d) => {
        await this.cases
          .insertReferral(tx, {
            disputeId: d.id,
            courtId: orgOf(actor),
            referralType: input.referralType,
            procedure: input.procedure ?? null,
            courtCaseNumber: input.courtCaseNumber,
            causeOfAction: input.causeOfAction,
            claimAmount: input.claimAmount !== undefined ? String(input.claimAmount) : null,
            judgeName: input.judgeName ?? null,
            referredOn: input.referredOn,
            mediationDays:
              regime === 'court_pre_registration' ? 30 : regime === 'court_post_registration_simple' ? 7 : 15,
            createdBy: actor.id,
          })
          .catch((err) => {
            if (isUniqueViolation(err))
              throw new DomainError(ErrorCode.CONFLICT, `案号已委派过：${input.courtCaseNumber}`);
            throw err;
          });
      },
    );
  }
}
