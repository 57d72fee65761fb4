import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding, utf8Chunks } from '../../../core/inventory/decode';
import { InventoryFileError } from '../../../core/inventory/errors';
import { FIXTURE_DIR, INTERNATIONAL_ROWS } from '../../fixtures/inventory/make-fixtures';

const fixture = (name: string): Buffer => readFileSync(join(FIXTURE_DIR, name));

const fileError = (f: () => unknown): InventoryFileError => {
  try {
    f();
  } catch (e) {
    if (e instanceof InventoryFileError) return e;
    throw e;
  }
  throw new Error('expected an InventoryFileError');
};

describe('detectEncoding', () => {
  it.each([
    ['utf8.csv', 'utf-8', false, 'valid_utf8'],
    ['utf8-bom.csv', 'utf-8', true, 'bom'],
    ['excel-unicode-text-utf16le.txt', 'utf-16le', true, 'bom'],
    ['utf16be-bom.csv', 'utf-16be', true, 'bom'],
    ['windows-1252.csv', 'windows-1252', false, 'detected'],
  ])('%s is %s (bom %s, by %s)', (file, name, bom, basis) => {
    expect(detectEncoding(fixture(file))).toMatchObject({ name, bom, basis });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(detectEncoding(Buffer.from('id,name\n1,x\n'))).toMatchObject({ name: 'utf-8', basis: 'valid_utf8' });
  });

  it('recognises UTF-16 without a BOM by its NUL pattern rather than calling it binary', () => {
    expect(detectEncoding(iconv.encode('id,name\r\nA,Alpha\r\n', 'utf-16le'))).toMatchObject({ name: 'utf-16le', bom: false });
    expect(detectEncoding(iconv.encode('id,name\r\nA,Alpha\r\n', 'utf-16be'))).toMatchObject({ name: 'utf-16be', bom: false });
  });

  it('reads a short non-UTF-8 Latin file as Windows-1252 even when chardet leans to ISO-8859-2', () => {
    // chardet alone says ISO-8859-2 for this one; Excel on a Western machine wrote Windows-1252.
    const bytes = iconv.encode('id,name\nWL-1,Résumé triage\n', 'windows-1252');
    expect(detectEncoding(bytes).name).toBe('windows-1252');
    expect(decodeText(bytes).text).toBe('id,name\nWL-1,Résumé triage\n');
  });

  it('refuses binary files, saying what they look like', () => {
    expect(fileError(() => detectEncoding(fixture('binary.bin')))).toMatchObject({ code: 'binary_file' });
    const xlsx = fileError(() => detectEncoding(fixture('workbook.xlsx')));
    expect(xlsx.code).toBe('binary_file');
    expect(xlsx.message).toMatch(/Excel \.xlsx workbook; save the sheet as CSV/);
    expect(fileError(() => detectEncoding(Buffer.from('%PDF-1.7\n...'))).message).toMatch(/PDF/);
  });

  it('refuses a text file with a NUL byte in it', () => {
    const e = fileError(() => detectEncoding(Buffer.from('id,name\n1,a\u0000b\n')));
    expect(e.code).toBe('binary_file');
    expect(e.message).toContain('offset 11');
  });

  it('refuses UTF-32 with a clear message', () => {
    expect(fileError(() => detectEncoding(fixture('utf32le-bom.csv')))).toMatchObject({ code: 'unsupported_encoding' });
  });

  it('honours an override and rejects an unknown one', () => {
    expect(detectEncoding(fixture('utf8.csv'), 'windows-1252')).toMatchObject({ name: 'windows-1252', basis: 'override' });
    expect(fileError(() => detectEncoding(fixture('utf8.csv'), 'klingon-8'))).toMatchObject({ code: 'unsupported_encoding' });
  });
});

describe('decodeText', () => {
  it.each(['utf8.csv', 'utf8-bom.csv', 'excel-unicode-text-utf16le.txt', 'utf16be-bom.csv', 'windows-1252.csv'])(
    '%s decodes to the same names, without a BOM character',
    (file) => {
      const { text } = decodeText(fixture(file));
      expect(text.startsWith('id')).toBe(true);
      for (const row of INTERNATIONAL_ROWS) {
        expect(text).toContain(row.name);
        expect(text).toContain(row.notes);
      }
    },
  );
});

describe('utf8Chunks', () => {
  it('carries characters split across chunk boundaries for every encoding', () => {
    const text = 'é’€ — “Zürich” 𝄞 '.repeat(50);
    for (const name of ['utf-16le', 'utf-16be', 'windows-1252'] as const) {
      const source = name === 'windows-1252' ? text.replace(/𝄞/g, '') : text;
      const bytes = iconv.encode(source, name, { addBOM: name !== 'windows-1252' });
      const enc = detectEncoding(bytes, name);
      for (const chunkSize of [1, 3, 7, 64]) {
        const out = Buffer.concat([...utf8Chunks(bytes, enc, chunkSize)].map((c) => c.chunk)).toString('utf8');
        expect(out).toBe(source);
      }
    }
  });

  it('passes UTF-8 through as views of the input, not copies', () => {
    const bytes = fixture('utf8-bom.csv');
    const chunks = [...utf8Chunks(bytes, detectEncoding(bytes), 100)];
    expect(chunks[0]!.chunk.buffer).toBe(bytes.buffer);
    expect(Buffer.concat(chunks.map((c) => c.chunk)).equals(bytes.subarray(3))).toBe(true);
    expect(chunks.at(-1)!.bytesDone).toBe(bytes.length);
  });

  it('refuses UTF-16 text that decodes to NUL characters', () => {
    const bytes = iconv.encode('id,name\n1,a\u0000b\n', 'utf-16le', { addBOM: true });
    expect(fileError(() => [...utf8Chunks(bytes, detectEncoding(bytes))])).toMatchObject({ code: 'binary_file' });
  });
});
