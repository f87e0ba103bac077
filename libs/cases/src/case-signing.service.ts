import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Clock, DomainError, SYSTEM_ACTOR, UserActor } from '@tiaojie/core';
import { DbService } from '@tiaojie/db';
import { AuthService } from '@tiaojie/auth';
import { CaseAccessService } from './case-access.service';
import { CaseRepository, DisputeRow } from './case.repository';
import { CaseTransitionService } from './case-transition.service';
import { CaseTransactionRunner } from './case-transaction.runner';
import { TransitionInput } from './case.types';
import { CaseSigningRepository } from './case-signing.repository';

/** The agreement (调解协议) from draft to signature: the content hash, one-time sign codes, the signatures. */
@Injectable()
export class CaseSigningService {
  constructor(
    private readonly signing: CaseSigningRepository,
    private readonly db: DbService,
    private readonly cases: CaseRepository,
    private readonly access: CaseAccessService,
    private readonly transitions: CaseTransitionService,
    private readonly runner: CaseTransactionRunner,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async draftAgreement(
    actor: UserActor,
    id: string,
    input: TransitionInput & { terms: string[]; performanceDueOn?: string },
  ): Promise<DisputeRow> {
    const terms = input.terms.map((t) => t.trim()).filter(Boolean);
    if (terms.length === 0) throw DomainError.validation('协议条款不能为空', { field: 'terms' });
    return this.runner.run(actor, id, async (tx, ctx, events) => {
      await this.signing.supersedeAgreements(tx, id);
      const contentHash = createHash('sha256')
        .update(
          JSON.stringify({
            number: ctx.dispute.number,
            parties: ctx.parties.map((p) => [p.id, p.name, p.role]),
            terms,
            performanceDueOn: input.performanceDueOn ?? null,
          }),
        )
        .digest('hex');
      const agreement = await this.signing.insertAgreement(tx, {
        disputeId: id,
        terms,
        performanceDueOn: input.performanceDueOn ?? null,
        contentHash,
        draftedBy: actor.id,
        createdAt: this.clock.now(),
      });
      return this.transitions.fire(
        tx,
        actor,
        ctx,
        'draft_agreement',
        {
          version: input.version,
          data: { agreementId: agreement.id, contentHash },
          patch: { outcome: null },
        },
        events,
      );
    });
  }

  /** Sends the signing party a one-time code to re-confirm identity before signing. */
  async requestSignCode(actor: UserActor, id: string): Promise<{ sent: true }> {
    const ctx = await this.access.load(actor, id);
    this.transitions.assertCan(actor, ctx, 'sign');
    const phone = await this.cases.userPhone(this.db.db, actor.id);
    if (!phone) throw DomainError.validation('账号未绑定手机号');
    await this.auth.requestCode(phone, 'sign');
    return { sent: true };
  }

  async sign(actor: UserActor, id: string, input: { version: number; code: string }): Promise<DisputeRow> {
    const phone = await this.cases.userPhone(this.db.db, actor.id);
    const pre = await this.access.load(actor, id);
    this.transitions.assertCan(actor, pre, 'sign');
    await this.auth.verifyCode(phone ?? '', input.code, 'sign');
    return this.runner.run(actor, id, async (tx, ctx, events) => {
      const agreement = await this.signing.currentAgreement(tx, id);
      if (!agreement || agreement.status !== 'signing') throw DomainError.validation('没有待签署的协议');
      for (const party of ctx.ownParties) {
        await this.signing.insertSignature(tx, {
          agreementId: agreement.id,
          partyId: party.id,
          userId: actor.id,
          method: 'sms_code',
          ip: actor.ip ?? null,
          signedAt: this.clock.now(),
        });
      }
      let updated = await this.transitions.fire(
        tx,
        actor,
        ctx,
        'sign',
        {
          version: input.version,
          data: {
            agreementId: agreement.id,
            contentHash: agreement.contentHash,
            parties: ctx.ownParties.map((p) => p.id),
          },
        },
        events,
      );
      const signed = new Set((await this.signing.signatures(tx, agreement.id)).map((s) => s.partyId));
      if (ctx.parties.every((p) => signed.has(p.id))) {
        await this.signing.markAgreementSigned(tx, agreement.id, this.clock.now());
        updated = await this.transitions.fire(
          tx,
          SYSTEM_ACTOR,
          { ...ctx, dispute: updated },
          'agreement_signed',
          {
            reason: '各方当事人均已签名，调解协议生效',
            data: { agreementId: agreement.id, contentHash: agreement.contentHash },
            patch: { outcome: 'agreement' },
          },
          events,
        );
      }
      return updated;
    });
  }
}
