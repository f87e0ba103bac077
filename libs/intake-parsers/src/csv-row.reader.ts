/**
 * Streaming CSV rows: fs.createReadStream → iconv-lite decode stream → csv-parse.
 * Memory stays constant whatever the file size; nothing is read ahead beyond stream buffers.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import * as iconv from 'iconv-lite';
import { parse, type CsvError, type Options } from 'csv-parse';
import type { TableRow, TextEncoding } from './intake.types';
import { iconvCodec } from './file-sniffer';

const LINE_BREAK_RE = /\r\n|\r|\n/g;

function lineBreaks(cells: string[]): number {
  let n = 0;
  for (const c of cells) n += c.match(LINE_BREAK_RE)?.length ?? 0;
  return n;
}

interface ParsedRecord {
  cells: string[];
  line: number;
  /** Order among all records and skipped (malformed) ones. */
  seq: number;
}

/**
 * Yield every CSV record with the physical line it starts on (header = line 1). Blank lines are
 * skipped; a record with broken quoting is yielded as `malformed` and parsing carries on after it.
 */
export async function* readCsvRows(
  path: string,
  encoding: TextEncoding,
  delimiter = ',',
): AsyncGenerator<TableRow> {
  // The parser runs ahead of the consumer, so skipped records are queued with their position.
  let seq = 0;
  const skipped: { seq: number; row: TableRow }[] = [];
  const options: Options<ParsedRecord, string[]> = {
    delimiter,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: (cells, context) => ({ cells, line: context.lines - lineBreaks(cells), seq: seq++ }),
    on_skip: (err: CsvError | undefined) => {
      skipped.push({
        seq: seq++,
        row: { sheet: null, line: Number(err?.lines ?? 0), cells: [], malformed: true },
      });
      return undefined;
    },
  };
  // csv-parse's overloads only type on_record's output together with `columns`; ours are arrays.
  const parser = parse(options as unknown as Options);
  // Errors of any stage (e.g. ENOENT) destroy the parser and surface through the iteration below.
  pipeline(createReadStream(path), iconv.decodeStream(iconvCodec(encoding)), parser, () => undefined);

  for await (const record of parser as AsyncIterable<ParsedRecord>) {
    while (skipped.length > 0 && skipped[0].seq < record.seq)
      yield (skipped.shift() as { row: TableRow }).row;
    yield { sheet: null, line: record.line, cells: record.cells };
  }
  for (const { row } of skipped) yield row;
}
