/** @tiaojie/documents: PDF, XLSX and CSV rendering of agreements and reports (no database, no NestJS). */
export { renderAgreementPdf, SIGNING_METHOD_LABEL } from './agreement.renderer';
export { agreementContentHash, AGREEMENT_CANONICAL_VERSION } from './agreement.hash';
export { agreementFacts, AGREEMENT_FACTS_MAX_CHARS } from './agreement-facts';
export type {
  AgreementAgent,
  AgreementInput,
  AgreementParty,
  AgreementRenderOptions,
  AgreementSignature,
  PartyKind,
  PartyRole,
  Sex,
  SigningMethod,
} from './agreement.types';
export { agreementTemplate, DISPUTE_CATEGORIES, DISPUTE_CATEGORY_LABELS } from './agreement.templates';
export type { AgreementTemplate, DisputeCategory } from './agreement.templates';
export { fillTemplate, templatePlaceholders } from './template.filler';
export type { FilledAgreementTemplate, TemplateValues } from './template.filler';
export { renderReportPdf } from './report.renderer';
export { renderReportXlsx } from './report-xlsx.renderer';
export { toCsv } from './csv.writer';
export type { CsvOptions } from './csv.writer';
export type {
  ReportCell,
  ReportPdfInput,
  ReportRenderOptions,
  ReportSection,
  ReportSheet,
  ReportTable,
  ReportXlsxInput,
} from './report.types';
export { findUnsupportedCharacters } from './font.coverage';
export { cjkFontPath } from './font.loader';
export {
  DocumentInputError,
  DocumentsError,
  FontUnavailableError,
  TemplatePlaceholderError,
  TemplateSyntaxError,
  UnsupportedCharactersError,
} from './documents.errors';
