import { documentDate, documentDateTime } from './document-date.formatter';
import { DocumentInputError } from './documents.errors';

describe('document dates', () => {
  it('renders business times in Asia/Shanghai', () => {
    expect(documentDateTime(new Date('2024-02-29T16:30:00Z'), 'signedAt')).toBe('2024年3月1日 00:30');
    expect(documentDate('2024-12-09', 'date')).toBe('2024年12月9日');
  });

  it('reports malformed dates as input errors naming the field', () => {
    expect(() => documentDate('2024-02-30', 'date')).toThrow(DocumentInputError);
    expect(() => documentDateTime(new Date('nope'), 'signatures.signedAt')).toThrow(
      /^signatures\.signedAt: /,
    );
  });
});
