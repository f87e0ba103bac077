/** 申请人 / 被申请人 */
export type PartyRole = 'applicant' | 'respondent';

/** 男 / 女 */
export type Sex = 'male' | 'female';

/** 自然人 / 法人或其他组织 */
export type PartyKind = 'person' | 'organisation';

/** 手写签名 / 电子签名 / 按指印 / 盖章 */
export type SigningMethod = 'handwritten' | 'electronic' | 'fingerprint' | 'seal';

export interface AgreementAgent {
  /** 委托代理人 (entrusted) or 法定代理人 (statutory, e.g. a minor's guardian). */
  kind: 'entrusted' | 'statutory';
  name: string;
  /** Relation to the party, e.g. 之子, 律师. */
  relation?: string;
  phone?: string;
  idNumber?: string;
}

export interface AgreementParty {
  /** The platform's party id; links signatures, never printed and not part of the content hash. */
  id: string;
  role: PartyRole;
  /** Defaults to 'person'. An organisation's idNumber is its 统一社会信用代码 and is not masked. */
  kind?: PartyKind;
  name: string;
  sex?: Sex;
  idNumber?: string;
  phone?: string;
  /** 住址 (person) or 住所 (organisation). */
  address?: string;
  /** 法定代表人 of an organisation. */
  legalRepresentative?: string;
  agent?: AgreementAgent;
}

export interface AgreementSignature {
  partyId: string;
  signedAt: Date;
  method: SigningMethod;
  /** Who actually signed when not the party (e.g. the agent's name). */
  signedBy?: string;
}

export interface AgreementInput {
  /** 编号, e.g. （2024）城调字第12号 */
  number: string;
  /**
   * The court's case number of a court-referred case (委派/委托), e.g. （2026）苏0612民诉前调88号, printed in the header
   * as stored (it carries its own brackets). Not part of the signed content: it identifies the case, not the terms.
   */
  courtCaseNumber?: string;
  /** The mediation body (人民调解委员会); `sealText` defaults to its name. */
  body: { name: string; sealText?: string };
  parties: AgreementParty[];
  /** 纠纷主要事实、争议事项; each line is printed as an indented paragraph (likewise performance). */
  facts: string;
  /** 经调解自愿达成如下协议: one clause per entry, numbered 一、二、… by the renderer. */
  terms: string[];
  /** 履行方式、时限 */
  performance: string;
  /** 本协议一式 N 份; defaults to one per party plus one for the body, and may not be fewer. */
  copies?: number;
  /** 人民调解员 names. */
  mediators: string[];
  /** Date printed under the seal: an instant (its Asia/Shanghai day) or a calendar date YYYY-MM-DD. */
  date: Date | string;
  signatures?: AgreementSignature[];
  /** SHA-256 (hex) of the content the parties signed, printed in every page's footer. Defaults to agreementContentHash(input). */
  signedContentHash?: string;
}

export interface AgreementRenderOptions {
  /** Mask ID and phone numbers (default true). Pass false only for copies that need full data. */
  maskPersonalData?: boolean;
  /** A TrueType/OpenType font (single face) to use instead of the committed CJK subset. */
  font?: Buffer;
}
