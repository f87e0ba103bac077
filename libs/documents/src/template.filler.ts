import type { AgreementTemplate } from './agreement.templates';
import { TemplatePlaceholderError, TemplateSyntaxError } from './documents.errors';

export type TemplateValues = Readonly<Record<string, string | number | null | undefined>>;

/** The agreement fields a filled template provides. */
export interface FilledAgreementTemplate {
  facts: string;
  terms: string[];
  performance: string;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function texts(template: string | AgreementTemplate): string[] {
  return typeof template === 'string'
    ? [template]
    : [template.facts, ...template.terms, template.performance];
}

function checkSyntax(text: string): void {
  const rest = text.replace(PLACEHOLDER, '');
  const at = rest.search(/\{\{|\}\}/);
  if (at >= 0) throw new TemplateSyntaxError(rest.slice(Math.max(0, at - 8), at + 12));
}

/** Placeholder names of a template, each once, in order of first appearance. */
export function templatePlaceholders(template: string | AgreementTemplate): string[] {
  const names = new Set<string>();
  for (const text of texts(template)) {
    checkSyntax(text);
    for (const m of text.matchAll(PLACEHOLDER)) names.add(m[1]);
  }
  return [...names];
}

function present(value: string | number | null | undefined): value is string | number {
  if (typeof value === 'number') return Number.isFinite(value);
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Replaces every `{{name}}` with `values[name]`. Throws TemplatePlaceholderError listing every
 * placeholder without a value (missing, null, blank or non-finite), and TemplateSyntaxError for a
 * stray `{{` or `}}`. Values are inserted verbatim (not re-expanded).
 */
export function fillTemplate(template: string, values: TemplateValues): string;
export function fillTemplate(template: AgreementTemplate, values: TemplateValues): FilledAgreementTemplate;
export function fillTemplate(
  template: string | AgreementTemplate,
  values: TemplateValues,
): string | FilledAgreementTemplate {
  const missing = templatePlaceholders(template).filter(
    (name) => !Object.prototype.hasOwnProperty.call(values, name) || !present(values[name]),
  );
  if (missing.length > 0) throw new TemplatePlaceholderError(missing);
  const fill = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => String(values[name]).trim());
  if (typeof template === 'string') return fill(template);
  return {
    facts: fill(template.facts),
    terms: template.terms.map(fill),
    performance: fill(template.performance),
  };
}
