import { Injectable } from '@nestjs/common';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { Executor, schema } from '@tiaojie/db';

export type AgreementRow = typeof schema.agreements.$inferSelect;
export type SignatureRow = typeof schema.agreementSignatures.$inferSelect;

/** A case's agreements and their signatures: the one in signing or signed, superseded drafts, who signed. */
@Injectable()
export class CaseSigningRepository {
  async currentAgreement(db: Executor, disputeId: string): Promise<AgreementRow | null> {
    return (
      (
        await db
          .select()
          .from(schema.agreements)
          .where(
            and(
              eq(schema.agreements.disputeId, disputeId),
              inArray(schema.agreements.status, ['signing', 'signed']),
            ),
          )
          .orderBy(desc(schema.agreements.createdAt))
          .limit(1)
      )[0] ?? null
    );
  }

  async supersedeAgreements(db: Executor, disputeId: string): Promise<void> {
    await db
      .update(schema.agreements)
      .set({ status: 'superseded' })
      .where(and(eq(schema.agreements.disputeId, disputeId), eq(schema.agreements.status, 'signing')));
  }

  async insertAgreement(db: Executor, row: typeof schema.agreements.$inferInsert): Promise<AgreementRow> {
    return (await db.insert(schema.agreements).values(row).returning())[0];
  }

  async markAgreementSigned(db: Executor, id: string, at: Date): Promise<void> {
    await db
      .update(schema.agreements)
      .set({ status: 'signed', signedAt: at })
      .where(eq(schema.agreements.id, id));
  }

  signatures(db: Executor, agreementId: string): Promise<SignatureRow[]> {
    return db
      .select()
      .from(schema.agreementSignatures)
      .where(eq(schema.agreementSignatures.agreementId, agreementId));
  }

  /** Inserts a signature once; returns false if this party already signed. */
  async insertSignature(db: Executor, row: typeof schema.agreementSignatures.$inferInsert): Promise<boolean> {
    const r = await db
      .insert(schema.agreementSignatures)
      .values(row)
      .onConflictDoNothing()
      .returning({ p: schema.agreementSignatures.partyId });
    return r.length === 1;
  }
}
