import { DocumentInputError } from './documents.errors';
import { agreementFacts } from './agreement-facts';
import type { AgreementAgent, AgreementInput, AgreementParty, AgreementSignature } from './agreement.types';

/** Text normalisation shared by rendering and hashing: NFC, LF line breaks, trimmed. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\r\n?/g, '\n').trim();
}

function optionalText(value: string | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = normalizeText(value);
  return text === '' ? undefined : text;
}

function requiredText(value: unknown, field: string): string {
  if (typeof value !== 'string' || normalizeText(value) === '')
    throw new DocumentInputError('must not be blank', field);
  return normalizeText(value);
}

function normalizeIdNumber(value: string | undefined): string | undefined {
  const text = optionalText(value);
  return text === undefined ? undefined : text.replace(/\s+/g, '').toUpperCase();
}

export interface NormalizedAgreement extends Omit<AgreementInput, 'copies' | 'signatures'> {
  copies: number;
  signatures: AgreementSignature[];
}

function normalizeAgent(agent: AgreementAgent, field: string): AgreementAgent {
  if (agent.kind !== 'entrusted' && agent.kind !== 'statutory') {
    throw new DocumentInputError('kind must be entrusted or statutory', `${field}.kind`);
  }
  return {
    kind: agent.kind,
    name: requiredText(agent.name, `${field}.name`),
    relation: optionalText(agent.relation),
    phone: optionalText(agent.phone),
    idNumber: normalizeIdNumber(agent.idNumber),
  };
}

function normalizeParty(party: AgreementParty, i: number): AgreementParty {
  const field = `parties[${i}]`;
  if (party.role !== 'applicant' && party.role !== 'respondent') {
    throw new DocumentInputError('role must be applicant or respondent', `${field}.role`);
  }
  if (party.sex !== undefined && party.sex !== 'male' && party.sex !== 'female') {
    throw new DocumentInputError('sex must be male or female', `${field}.sex`);
  }
  return {
    id: requiredText(party.id, `${field}.id`),
    role: party.role,
    kind: party.kind === 'organisation' ? 'organisation' : 'person',
    name: requiredText(party.name, `${field}.name`),
    sex: party.sex,
    idNumber: normalizeIdNumber(party.idNumber),
    phone: optionalText(party.phone),
    address: optionalText(party.address),
    legalRepresentative: optionalText(party.legalRepresentative),
    agent: party.agent ? normalizeAgent(party.agent, `${field}.agent`) : undefined,
  };
}

const SIGNING_METHODS = new Set(['handwritten', 'electronic', 'fingerprint', 'seal']);

function normalizeSignatures(input: AgreementInput, partyIds: Set<string>): AgreementSignature[] {
  const seen = new Set<string>();
  return (input.signatures ?? []).map((s, i) => {
    const field = `signatures[${i}]`;
    if (!partyIds.has(s.partyId))
      throw new DocumentInputError(`unknown party id "${s.partyId}"`, `${field}.partyId`);
    if (seen.has(s.partyId))
      throw new DocumentInputError(`party "${s.partyId}" signed twice`, `${field}.partyId`);
    seen.add(s.partyId);
    if (!(s.signedAt instanceof Date) || Number.isNaN(s.signedAt.getTime())) {
      throw new DocumentInputError('not a valid date', `${field}.signedAt`);
    }
    if (!SIGNING_METHODS.has(s.method))
      throw new DocumentInputError(`unknown signing method "${s.method}"`, `${field}.method`);
    return { partyId: s.partyId, signedAt: s.signedAt, method: s.method, signedBy: optionalText(s.signedBy) };
  });
}

/** Validates an agreement and returns it with every text normalised; throws DocumentInputError. */
export function normalizeAgreement(input: AgreementInput): NormalizedAgreement {
  if (!input || typeof input !== 'object') throw new DocumentInputError('agreement input is required');
  if (!Array.isArray(input.parties)) throw new DocumentInputError('must be an array', 'parties');
  const parties = input.parties.map(normalizeParty);
  const ids = new Set(parties.map((p) => p.id));
  if (ids.size !== parties.length) throw new DocumentInputError('party ids must be unique', 'parties');
  if (!parties.some((p) => p.role === 'applicant'))
    throw new DocumentInputError('needs at least one applicant', 'parties');
  if (!parties.some((p) => p.role === 'respondent'))
    throw new DocumentInputError('needs at least one respondent', 'parties');
  if (!Array.isArray(input.terms) || input.terms.length === 0)
    throw new DocumentInputError('needs at least one term', 'terms');
  if (!Array.isArray(input.mediators) || input.mediators.length === 0) {
    throw new DocumentInputError('needs at least one mediator', 'mediators');
  }
  const minCopies = parties.length + 1;
  const copies = input.copies ?? minCopies;
  if (!Number.isInteger(copies) || copies < minCopies) {
    throw new DocumentInputError(
      `must be an integer of at least ${minCopies} (one per party and one for the body)`,
      'copies',
    );
  }
  const hash = optionalText(input.signedContentHash);
  if (hash !== undefined && !/^[0-9a-f]{64}$/i.test(hash)) {
    throw new DocumentInputError('must be a SHA-256 hex digest', 'signedContentHash');
  }
  if (!(input.date instanceof Date) && typeof input.date !== 'string')
    throw new DocumentInputError('is required', 'date');
  return {
    number: requiredText(input.number, 'number'),
    courtCaseNumber: optionalText(input.courtCaseNumber),
    body: { name: requiredText(input.body?.name, 'body.name'), sealText: optionalText(input.body?.sealText) },
    parties,
    facts: agreementFacts(requiredText(input.facts, 'facts')),
    terms: input.terms.map((t, i) => requiredText(t, `terms[${i}]`)),
    performance: requiredText(input.performance, 'performance'),
    copies,
    mediators: input.mediators.map((m, i) => requiredText(m, `mediators[${i}]`)),
    date: input.date,
    signatures: normalizeSignatures(input, ids),
    signedContentHash: hash?.toLowerCase(),
  };
}
