import { createHash } from 'node:crypto';
import { normalizeAgreement, type NormalizedAgreement } from './agreement.model';
import type { AgreementInput } from './agreement.types';

/** Bumped whenever the canonical form changes, so stored hashes stay interpretable. */
export const AGREEMENT_CANONICAL_VERSION = 'tiaojie.agreement-content.v1';

/**
 * The canonical content: a JSON text with fixed key order and normalised strings (NFC, LF, trimmed;
 * ID numbers without spaces and upper-cased). It holds the number, body name, parties (role, kind,
 * name, sex, ID, phone, address, legal representative, agent), facts, terms, performance, copies and
 * mediators. It leaves out what changes while signing: signatures, the signed-content hash, the
 * date printed under the seal, the seal text and the platform's party ids.
 */
export function canonicalAgreementContent(agreement: NormalizedAgreement): string {
  const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
  return JSON.stringify({
    v: AGREEMENT_CANONICAL_VERSION,
    number: agreement.number,
    body: agreement.body.name,
    parties: agreement.parties.map((p) => ({
      role: p.role,
      kind: orNull(p.kind),
      name: p.name,
      sex: orNull(p.sex),
      idNumber: orNull(p.idNumber),
      phone: orNull(p.phone),
      address: orNull(p.address),
      legalRepresentative: orNull(p.legalRepresentative),
      agent: p.agent
        ? {
            kind: p.agent.kind,
            name: p.agent.name,
            relation: orNull(p.agent.relation),
            phone: orNull(p.agent.phone),
            idNumber: orNull(p.agent.idNumber),
          }
        : null,
    })),
    facts: agreement.facts,
    terms: agreement.terms,
    performance: agreement.performance,
    copies: agreement.copies,
    mediators: agreement.mediators,
  });
}

/**
 * SHA-256 (lower-case hex) of the canonical agreement content (see canonicalAgreementContent):
 * stable across signing, key order and insignificant whitespace; any change to parties, terms,
 * facts, performance, copies or mediators changes it. Throws DocumentInputError on invalid input.
 */
export function agreementContentHash(input: AgreementInput): string {
  return hashNormalizedAgreement(normalizeAgreement(input));
}

export function hashNormalizedAgreement(agreement: NormalizedAgreement): string {
  return createHash('sha256').update(canonicalAgreementContent(agreement), 'utf8').digest('hex');
}
