// CSV files as streams of rows for the streaming analysis: head-office extracts too big for a
// workbook (a NAV file and a holdings file, optionally a products file). Each file is one "sheet"
// named after the file; the table finder recognises it by its header row, as it does a sheet, so
// file names do not matter. RFC 4180: fields separated by commas, quoted with "" (a doubled quote
// inside), CRLF or LF line ends, newlines inside quotes. Encoding: UTF-8 with or without BOM, or
// GB18030 (a superset of GBK and GB2312, what Chinese bank systems export); "auto" takes UTF-8
// when the file's first 64 KB are valid UTF-8 and GB18030 otherwise.
//
// Rows are reported at r = (line of the record's first character) - 1, so the core's cell names
// ("C5") carry the line; stream-input.ts turns them into file:line:column.

import fs from "fs";
import path from "path";
import type { CellValue } from "../../core/workbook";
import type { StreamSheet, StreamWorkbook } from "../../core/stream-input";

export type CsvEncoding = "utf-8" | "gb18030" | "auto";

export class CsvReadError extends Error {
  constructor(readonly file: string, readonly detail: string) {
    super(`${file}: ${detail}`);
    this.name = "CsvReadError";
  }
}

const SNIFF = 64 * 1024;

const EXCEL_ERRORS = new Set(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!", "#GETTING_DATA", "#SPILL!", "#CALC!"]);

/** "utf-8" or "gb18030" for a file, from its first 64 KB. */
export function detectEncoding(file: string): "utf-8" | "gb18030" {
  const fd = fs.openSync(file, "r");
  try {
    const buf = Buffer.alloc(SNIFF);
    const n = fs.readSync(fd, buf, 0, SNIFF, 0);
    try {
      // stream: true forgives a character cut at the end of the sample.
      new TextDecoder("utf-8", { fatal: true }).decode(buf.subarray(0, n), { stream: true });
      return "utf-8";
    } catch {
      return "gb18030";
    }
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A push parser for RFC 4180 records. Fields are strings; an empty unquoted field is null (blank,
 * as an empty cell); a quoted empty field "" is the empty string, also blank to the core.
 */
export class CsvParser {
  private field = "";
  private fields: CellValue[] = [];
  private quoted = false; // inside quotes
  private wasQuoted = false;
  private afterQuote = false; // just saw a quote inside quotes: either "" or the closing quote
  private line = 1;
  private recordLine = 1;
  private pendingCR = false;
  private any = false; // the current record has a character

  constructor(private readonly onRecord: (line: number, fields: CellValue[]) => boolean | void) {}

  stopped = false;

  write(s: string): void {
    const n = s.length;
    let i = 0;
    while (i < n && !this.stopped) {
      const c = s.charCodeAt(i);
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === 10) { i++; continue; } // CRLF: the LF of a line end already taken
      }
      if (this.quoted) {
        if (this.afterQuote) {
          this.afterQuote = false;
          if (c === 34) { this.field += '"'; i++; continue; }
          this.quoted = false; // the closing quote; c is handled below as outside quotes
        } else {
          // Take a run of ordinary characters at once.
          let j = i;
          while (j < n) {
            const d = s.charCodeAt(j);
            if (d === 34 || d === 10 || d === 13) break;
            j++;
          }
          if (j > i) { this.field += s.slice(i, j); i = j; continue; }
          if (c === 34) { this.afterQuote = true; i++; continue; }
          // A newline inside quotes is part of the field (CRLF kept as LF).
          this.field += "\n";
          this.line++;
          if (c === 13) this.pendingCR = true;
          i++;
          continue;
        }
      }
      if (c === 44) { this.endField(); this.any = true; i++; continue; }
      if (c === 10 || c === 13) {
        this.endRecord();
        this.line++;
        this.recordLine = this.line;
        if (c === 13) this.pendingCR = true;
        i++;
        continue;
      }
      if (c === 34 && this.field === "" && !this.wasQuoted) { this.quoted = true; this.wasQuoted = true; this.any = true; i++; continue; }
      let j = i;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (d === 44 || d === 10 || d === 13) break;
        j++;
      }
      // A stray quote inside an unquoted field is kept as a character (lenient, as Excel is).
      if (j === i) j = i + 1;
      this.field += s.slice(i, j);
      this.any = true;
      i = j;
    }
  }

  end(): void {
    if (this.afterQuote) { this.afterQuote = false; this.quoted = false; }
    if (!this.stopped) this.endRecord();
  }

  private endField(): void {
    const f = this.field;
    // Excel writes an error cell into CSV as its text; read it back as the error it was.
    this.fields.push(f === "" && !this.wasQuoted ? null : !this.wasQuoted && f.charCodeAt(0) === 35 && EXCEL_ERRORS.has(f) ? { error: f } : f);
    this.field = "";
    this.wasQuoted = false;
  }

  private endRecord(): void {
    if (!this.any && this.field === "") { this.fields = []; return; } // a blank line
    this.endField();
    const fields = this.fields;
    this.fields = [];
    this.any = false;
    if (fields.some((f) => f !== null && f !== "")) {
      if (this.onRecord(this.recordLine, fields) === false) this.stopped = true;
    }
  }
}

function readCsv(file: string, encoding: "utf-8" | "gb18030", onRow: (r: number, row: CellValue[]) => boolean | void): Promise<number> {
  return new Promise((resolve, reject) => {
    let last = -1;
    const parser = new CsvParser((line, fields) => {
      last = line - 1;
      return onRow(line - 1, fields);
    });
    // TextDecoder drops a leading BOM (ignoreBOM: false), for UTF-8 and GB18030 alike.
    const decoder = new TextDecoder(encoding, { fatal: encoding === "utf-8" });
    const stream = fs.createReadStream(file, { highWaterMark: 1 << 20 });
    let offset = 0;
    const fail = (err: unknown) => {
      stream.destroy();
      if ((err as { code?: string }).code === "ERR_ENCODING_INVALID_ENCODED_DATA" && encoding === "utf-8") {
        reject(new CsvReadError(file, `not valid UTF-8 after byte ${offset.toLocaleString("en-US")}; if the file is GBK/GB18030, run with --encoding gb18030`));
      } else reject(err instanceof CsvReadError ? err : new CsvReadError(file, (err as Error).message ?? String(err)));
    };
    stream.on("data", (chunk) => {
      try {
        parser.write(decoder.decode(chunk as Buffer, { stream: true }));
        offset += (chunk as Buffer).length;
        if (parser.stopped) { stream.destroy(); resolve(last); }
      } catch (err) {
        fail(err);
      }
    });
    stream.on("error", (err) => fail(err));
    stream.on("end", () => {
      try {
        parser.write(decoder.decode());
        parser.end();
        resolve(last);
      } catch (err) {
        fail(err);
      }
    });
  });
}

/**
 * The CSV files (or every .csv file in the folders given) as a StreamWorkbook. Each file is read
 * anew on each pass; nothing of it stays in memory between passes.
 */
export function openCsvStream(inputs: string[], encoding: CsvEncoding = "auto"): StreamWorkbook {
  const files: string[] = [];
  for (const p of inputs) {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      throw new CsvReadError(p, "no such file or folder");
    }
    if (st.isDirectory()) {
      for (const f of fs.readdirSync(p).sort()) if (/\.csv$/i.test(f)) files.push(path.join(p, f));
    } else files.push(p);
  }
  if (files.length === 0) throw new CsvReadError(inputs.join(", "), "no .csv file found");
  const names = new Set<string>();
  const sheets: StreamSheet[] = files.map((file) => {
    // The file's name as the core names its "sheet" (issues: holdings.csv:12:4); two files of the
    // same name in different folders keep their folder.
    let name = path.basename(file);
    if (names.has(name)) name = file;
    names.add(name);
    let enc: "utf-8" | "gb18030" | undefined = encoding === "auto" ? undefined : encoding;
    return {
      name,
      tables: [],
      csv: true,
      read: (onRow) => readCsv(file, (enc ??= detectEncoding(file)), onRow),
    };
  });
  return { sheets };
}
