/** Base class of every error thrown by @tiaojie/documents. */
export class DocumentsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** The input of a renderer is incomplete or inconsistent; `field` names the offending input path. */
export class DocumentInputError extends DocumentsError {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(field ? `${field}: ${message}` : message);
  }
}

/** `fillTemplate` was not given a (non-blank) value for every placeholder of the template. */
export class TemplatePlaceholderError extends DocumentsError {
  constructor(readonly missing: string[]) {
    super(`missing template value(s): ${missing.join(', ')}`);
  }
}

/** A template contains `{{` or `}}` that is not part of a well-formed `{{name}}` placeholder. */
export class TemplateSyntaxError extends DocumentsError {
  constructor(readonly fragment: string) {
    super(`malformed placeholder near "${fragment}"`);
  }
}

/**
 * The text contains characters the embedded font has no glyph for: they would print as blanks or
 * boxes, which is not acceptable in a signed document. Pass a fuller font (`options.font`) or fix the text.
 */
export class UnsupportedCharactersError extends DocumentsError {
  constructor(
    readonly characters: string[],
    readonly field: string,
  ) {
    const list = characters.map(
      (c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`,
    );
    super(`${field}: the font has no glyph for ${list.join(', ')}`);
  }
}

/** The committed CJK font could not be read (e.g. the build did not copy libs/documents/assets). */
export class FontUnavailableError extends DocumentsError {
  constructor(
    readonly fontPath: string,
    cause: unknown,
  ) {
    super(`cannot read font ${fontPath}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
