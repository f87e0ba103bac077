import * as iconv from 'iconv-lite';
import { sniffBytes, sniffDelimiter, sniffEncoding } from './file-sniffer';
import { IntakeFormatError } from './intake-format.error';

describe('file sniffing', () => {
  const text = '工单编号,工单来源\nSW1,省市网\n';

  it('recognises XLSX by the zip magic, whatever follows', () => {
    expect(sniffBytes(Buffer.from('PK\u0003\u0004rest-of-zip', 'latin1'))).toEqual({
      container: 'xlsx',
      encoding: null,
      delimiter: ',',
    });
  });

  it('refuses legacy .xls (OLE) files with a readable error', () => {
    expect(() => sniffBytes(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]))).toThrow(IntakeFormatError);
  });

  it('tells UTF-8 with BOM, UTF-8, UTF-16 and GB18030 apart', () => {
    expect(sniffEncoding(Buffer.from(`\uFEFF${text}`, 'utf8'))).toBe('utf-8-bom');
    expect(sniffEncoding(Buffer.from(text, 'utf8'))).toBe('utf-8');
    expect(sniffEncoding(iconv.encode(text, 'utf-16le', { addBOM: true }))).toBe('utf-16le');
    expect(sniffEncoding(iconv.encode(text, 'gb18030'))).toBe('gb18030');
  });

  it('does not mistake a UTF-8 sample cut in the middle of a character for GB18030', () => {
    const bytes = Buffer.from(text, 'utf8');
    expect(sniffEncoding(bytes.subarray(0, 2))).toBe('utf-8');
  });

  it('sniffs the delimiter from the first line, ignoring quoted text', () => {
    expect(sniffDelimiter('a,b,c')).toBe(',');
    expect(sniffDelimiter('a\tb\t"x,y,z"')).toBe('\t');
    expect(sniffDelimiter('a;b;c')).toBe(';');
    expect(sniffDelimiter('single')).toBe(',');
    expect(sniffBytes(iconv.encode('事件编号\t上报时间\n', 'gb18030'))).toEqual({
      container: 'csv',
      encoding: 'gb18030',
      delimiter: '\t',
    });
  });
});
