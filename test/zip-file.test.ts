// The zip read from a file descriptor (zip.ts fileBytes, zip-core.ts SourceZipArchive): what
// `lossdesk analyze` reads with, so that a 120 MB workbook is not held in memory. It must read
// every package exactly as the in-memory reader does, including the awkward ones: a central
// directory bigger than the tail read first, data prepended to the zip, a long zip comment,
// parts bigger than one read, damaged CRCs.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { zipSync, strToU8 } from "fflate";
import { MemoryZipArchive, SourceZipArchive } from "../src/adapters/xlsx/zip-core";
import { fileBytes, nodeInflater, openZipFile } from "../src/adapters/xlsx/zip";
import { WorkbookReadError, openXlsxBytesStream, openXlsxFileStream } from "../src/adapters/xlsx/read";
import { analyzeStream } from "../src/core/stream-input";
import { GENERATED_SHEETS, resultJson } from "../src/core/analysis";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-zipfile-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Uint8Array): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, bytes);
  return f;
}

async function readAll(zip: { names(): string[]; chunks(n: string): AsyncIterable<Uint8Array> }): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const n of zip.names().sort()) {
    const parts: Buffer[] = [];
    for await (const p of zip.chunks(n)) parts.push(Buffer.from(p));
    out.set(n, Buffer.concat(parts));
  }
  return out;
}

async function sameAsMemory(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const f = write(`z${Math.random().toString(36).slice(2)}.zip`, bytes);
  const fd = fs.openSync(f, "r");
  try {
    const fromFile = await readAll(openZipFile(fd, bytes.length));
    const fromMemory = await readAll(new MemoryZipArchive(bytes, nodeInflater));
    expect([...fromFile.keys()]).toEqual([...fromMemory.keys()]);
    for (const [k, v] of fromMemory) expect(fromFile.get(k)!.equals(v)).toBe(true);
    return fromFile;
  } finally {
    fs.closeSync(fd);
  }
}

test("3,000 entries: the central directory (over 64 KB) is read past the tail read first", async () => {
  const files: Record<string, Uint8Array> = {};
  for (let i = 0; i < 3000; i++) files[`xl/parts/a-rather-long-part-name-${String(i).padStart(5, "0")}.xml`] = strToU8(`<x n="${i}"/>`);
  const bytes = zipSync(files);
  const got = await sameAsMemory(bytes);
  expect(got.size).toBe(3000);
  expect(got.get("xl/parts/a-rather-long-part-name-02999.xml")!.toString()).toBe('<x n="2999"/>');
});

test("a 3 MB part (several reads of a megabyte), deflated and stored, comes out whole", async () => {
  const big = new Uint8Array(3 * 1024 * 1024 + 17);
  for (let i = 0; i < big.length; i++) big[i] = (i * 7919) % 251;
  const got = await sameAsMemory(zipSync({ "deflated.bin": big, "stored.bin": [big, { level: 0 }] }));
  expect(got.get("deflated.bin")!.equals(Buffer.from(big))).toBe(true);
  expect(got.get("stored.bin")!.length).toBe(big.length);
});

test("data prepended to the zip and a 60,000-character comment: offsets shift, every part still reads", async () => {
  const zip = zipSync({ "a.txt": strToU8("alpha"), "b/c.txt": strToU8("gamma") });
  // A zip comment: the EOCD's last two bytes give its length.
  const comment = Buffer.alloc(60000, 0x41);
  const withComment = Buffer.concat([Buffer.from(zip.subarray(0, zip.length - 2)), Buffer.from([comment.length & 0xff, comment.length >> 8]), comment]);
  const prepended = Buffer.concat([Buffer.alloc(70000, 0x20), withComment]);
  const got = await sameAsMemory(prepended);
  expect(got.get("b/c.txt")!.toString()).toBe("gamma");
});

test("fileBytes reads at most what is there: a read past the end is short, not garbage", () => {
  const f = write("short.bin", Buffer.from("0123456789"));
  const fd = fs.openSync(f, "r");
  try {
    const src = fileBytes(fd, 10);
    expect(Buffer.from(src.read(7, 100)).toString()).toBe("789");
    expect(src.read(10, 5).length).toBe(0);
  } finally {
    fs.closeSync(fd);
  }
});

test("a damaged CRC fails on the file path as in memory", async () => {
  const bytes = zipSync({ "a.txt": [strToU8("hello, world"), { level: 0 }] });
  const damaged = Buffer.from(bytes);
  damaged[damaged.indexOf("hello") + 1] = 0x45; // "hEllo": the stored data no longer matches its CRC
  const f = write("crc.zip", damaged);
  const fd = fs.openSync(f, "r");
  try {
    const zip = new SourceZipArchive(fileBytes(fd, damaged.length), nodeInflater);
    await expect(zip.text("a.txt")).rejects.toThrow(/CRC-32/);
  } finally {
    fs.closeSync(fd);
  }
});

describe("openXlsxFileStream: the same analysis as from the bytes, with the file left on disk", () => {
  const fixtures = ["assets/sample-lossdesk.xlsx", "test/fixtures/workbooks/messy-wide.xlsx", "test/fixtures/graft/openpyxl-rich.xlsx", "test/fixtures/graft/libreoffice-rich.xlsx"];
  test.each(fixtures)("%s", async (rel) => {
    const file = path.join(__dirname, "..", rel);
    const stream = await openXlsxFileStream(file);
    try {
      const a = await analyzeStream(stream, { skipSheets: GENERATED_SHEETS });
      const b = await analyzeStream(await openXlsxBytesStream(fs.readFileSync(file)), { skipSheets: GENERATED_SHEETS });
      expect(JSON.stringify(resultJson(a))).toBe(JSON.stringify(resultJson(b)));
    } finally {
      stream.close?.();
    }
  });

  test("what is not a zip still gets the reader's own message (a lock file, a folder)", async () => {
    const lock = path.join(__dirname, "fixtures", "reader", "~$持仓.xlsx");
    await expect(openXlsxFileStream(lock)).rejects.toThrow(/lock/);
    const err = await openXlsxFileStream(dir).catch((e) => e);
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect(String(err.message)).toMatch(/folder/);
  });
});
