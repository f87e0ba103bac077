import { safeFileName } from './attachment.service';
import { sniffFileType, zipEntryNames } from './file-type.sniffer';

function zip(names: string[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(n.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(local, n);
    central.push(c, n);
    offset += 30 + n.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

const ole = (stream: string) =>
  Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(500),
    Buffer.from(stream, 'utf16le'),
  ]);

describe('sniffFileType', () => {
  it.each([
    [Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]), 'image/jpeg'],
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'image/png'],
    [Buffer.from('GIF89a....'), 'image/gif'],
    [Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), 'image/webp'],
    [Buffer.from('%PDF-1.7\n...'), 'application/pdf'],
    [
      zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      zip(['[Content_Types].xml', 'xl/workbook.xml']),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [
      zip(['[Content_Types].xml', 'ppt/presentation.xml']),
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    [ole('WordDocument'), 'application/msword'],
    [ole('Workbook'), 'application/vnd.ms-excel'],
    [ole('PowerPoint Document'), 'application/vnd.ms-powerpoint'],
  ])('recognises %#: %s', (bytes, mime) => {
    expect(sniffFileType(bytes)?.mime).toBe(mime);
  });

  it.each([
    ['text', Buffer.from('just text, named .pdf')],
    ['html', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['exe', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)])],
    ['plain zip', zip(['evil.exe'])],
    ['zip claiming Office without the content types', zip(['word/document.xml'])],
    ['truncated zip', zip(['[Content_Types].xml', 'word/a.xml']).subarray(0, 40)],
    ['OLE without an Office stream', ole('Something')],
    ['empty', Buffer.alloc(0)],
    ['PDF not at the start', Buffer.from('junk%PDF-1.4')],
  ])('refuses %s', (_, bytes) => {
    expect(sniffFileType(bytes)).toBeNull();
  });

  it('reads zip entry names from the central directory', () => {
    expect(zipEntryNames(zip(['a.txt', '目录/b.txt']))).toEqual(['a.txt', '目录/b.txt']);
    expect(zipEntryNames(Buffer.from('not a zip at all, long enough to scan'))).toBeNull();
  });
});

describe('safeFileName', () => {
  const png = sniffFileType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))!;
  it('drops paths and control characters and uses the sniffed extension', () => {
    expect(safeFileName('../../etc/passwd', png)).toBe('passwd.png');
    expect(safeFileName('C:\\证据\\现场照片.PNG', png)).toBe('现场照片.png');
    expect(safeFileName('a\u0000b\r\n"c".html', png)).toBe('abc.png');
    expect(safeFileName('', png)).toBe('附件.png');
    expect(safeFileName(42, png)).toBe('附件.png');
    expect(safeFileName('x'.repeat(500), png).length).toBeLessThanOrEqual(200);
  });
});
