// Why a workbook could not be read, in terms a bank user can act on. Everything the reader throws
// is a WorkbookReadError; zlib and XML errors are wrapped, never passed through.

import { ZipError } from "./zip-core";
import { XmlError } from "./xml";

export type ReadErrorCode =
  /** The file could not be opened at all (missing, no permission, a folder). */
  | "file-unreadable"
  /** Not a zip package: an HTML or CSV "export", an XML Spreadsheet 2003, an empty file... */
  | "not-zip"
  /** An OLE compound document: a legacy .xls, or an .xlsx encrypted with an open password. */
  | "legacy-or-encrypted"
  /** A zip, but a damaged or truncated one. */
  | "corrupt-zip"
  | "unsupported-compression"
  /** A part that the package itself refers to is not in it. */
  | "missing-part"
  | "bad-xml"
  /** A part whose bytes do not match the CRC-32 the zip recorded: damaged in transfer. */
  | "crc-mismatch"
  /** XML with a DTD declaring entities (an entity bomb or external entity): refused on purpose. */
  | "dtd-not-allowed"
  /** An Office/zip package whose main document is not an xlsx workbook (.xlsb, .ods, .docx...). */
  | "not-workbook"
  /** A bug on our side; the detail says what happened. */
  | "internal";

/** What a non-workbook file appears to be, when we could tell. */
export type LooksLike =
  | "empty"
  | "html"
  | "xml-spreadsheet-2003"
  | "xml"
  | "text"
  | "pdf"
  | "legacy-xls"
  | "encrypted-ooxml"
  | "xlsb"
  | "ods"
  | "numbers"
  /** Excel's owner file "~$name.xlsx", written next to a workbook while Excel has it open. */
  | "excel-lock-file"
  | "office-document";

export class WorkbookReadError extends Error {
  constructor(
    readonly code: ReadErrorCode,
    /** The package part, e.g. "xl/worksheets/sheet2.xml", or "" for the whole file. */
    readonly part: string,
    /** Technical detail (English), for logs and for the end of the user message. */
    readonly detail: string,
    readonly extra: { sheet?: string; looksLike?: LooksLike } = {},
  ) {
    super(`${code}${part ? ` in ${part}` : ""}${extra.sheet ? ` (sheet "${extra.sheet}")` : ""}: ${detail}`);
    this.name = "WorkbookReadError";
  }

  /** The sheet whose part failed, when the part belongs to one. */
  get sheet(): string | undefined {
    return this.extra.sheet;
  }

  get looksLike(): LooksLike | undefined {
    return this.extra.looksLike;
  }
}

/** Turns anything thrown while reading `part` into a WorkbookReadError. */
export function toReadError(err: unknown, part = "", sheet?: string): WorkbookReadError {
  if (err instanceof WorkbookReadError) {
    if (sheet && !err.sheet) return new WorkbookReadError(err.code, err.part, err.detail, { ...err.extra, sheet });
    return err;
  }
  if (err instanceof ZipError) {
    return new WorkbookReadError(err.code, err.entry || part, err.detail, { sheet });
  }
  if (err instanceof XmlError) {
    return new WorkbookReadError(err.kind === "dtd" ? "dtd-not-allowed" : "bad-xml", part, err.detail, { sheet });
  }
  const msg = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new WorkbookReadError("internal", part, msg, { sheet });
}

// ---- Sniffing files that are not zips ----

function startsWith(b: Uint8Array, sig: number[]): boolean {
  if (b.length < sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[i] !== sig[i]) return false;
  return true;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];

function utf16leIncludes(b: Uint8Array, ascii: string): boolean {
  const needle = Buffer.alloc(ascii.length * 2);
  for (let i = 0; i < ascii.length; i++) needle[i * 2] = ascii.charCodeAt(i);
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf(needle) >= 0;
}

/**
 * Throws a WorkbookReadError when the bytes are plainly not a zip, saying what they look like.
 * Returns quietly for anything that might be a zip; the zip reader judges the rest.
 */
export function rejectNonZip(b: Uint8Array): void {
  if (b.length === 0) throw new WorkbookReadError("not-zip", "", "the file is empty", { looksLike: "empty" });
  if (startsWith(b, OLE)) {
    // Encrypted OOXML keeps its package in an OLE stream named "EncryptedPackage"; a BIFF8 .xls has "Workbook".
    const looksLike: LooksLike | undefined = utf16leIncludes(b, "EncryptedPackage")
      ? "encrypted-ooxml"
      : utf16leIncludes(b, "Workbook") || utf16leIncludes(b, "Book")
        ? "legacy-xls"
        : undefined;
    throw new WorkbookReadError(
      "legacy-or-encrypted",
      "",
      looksLike === "legacy-xls"
        ? "the file is an OLE compound document holding a legacy Excel 97-2003 workbook"
        : looksLike === "encrypted-ooxml"
          ? "the file is an OLE compound document holding an encrypted (password-protected) package"
          : "the file is an OLE compound document (legacy .xls or encrypted workbook)",
      { looksLike },
    );
  }
  if (startsWith(b, ZIP)) return;
  if (isExcelLockFile(b)) {
    throw new WorkbookReadError("not-zip", "", "the file is an Excel lock (owner) file, not a workbook", { looksLike: "excel-lock-file" });
  }
  const head = new TextDecoder("utf-8").decode(b.subarray(0, 4096)).replace(/^\uFEFF/, "");
  const lower = head.trimStart().toLowerCase();
  let looksLike: LooksLike;
  if (lower.startsWith("%pdf")) looksLike = "pdf";
  else if (/^<(!doctype html|html|table|head|body|meta)\b/.test(lower) || /<html[\s>]/.test(lower)) looksLike = "html";
  else if (lower.startsWith("<?xml") || lower.startsWith("<")) {
    looksLike = lower.includes("urn:schemas-microsoft-com:office:spreadsheet") || lower.includes("progid=\"excel.sheet\"") ? "xml-spreadsheet-2003" : lower.includes("<html") ? "html" : "xml";
  } else {
    let control = 0;
    const n = Math.min(b.length, 4096);
    for (let i = 0; i < n; i++) {
      const c = b[i];
      if (c < 9 || (c > 13 && c < 32)) control++;
    }
    looksLike = control === 0 ? "text" : "office-document";
  }
  const what: Record<string, string> = {
    pdf: "a PDF document",
    html: "an HTML page",
    "xml-spreadsheet-2003": "an XML Spreadsheet 2003 file",
    xml: "an XML file",
    text: "plain text (CSV or similar)",
    "office-document": "binary data of another kind",
  };
  throw new WorkbookReadError("not-zip", "", `the file is ${what[looksLike]}, not a zip package`, {
    looksLike: looksLike === "office-document" ? undefined : looksLike,
  });
}

/**
 * Excel's owner file ("~$Book1.xlsx", 162 or 165 bytes): the user name's length in byte 0, the
 * name in the local code page padded with spaces to byte 53, then (from byte 54) the length
 * again and the name in UTF-16. Copied along with a folder, it is often picked by mistake.
 */
export function isExcelLockFile(b: Uint8Array): boolean {
  if (b.length < 54 || b.length > 512) return false;
  const n = b[0];
  if (n < 1 || n > 52) return false;
  for (let i = 1; i <= n; i++) if (b[i] < 0x20 || b[i] === 0x7f) return false;
  for (let i = n + 1; i < 54; i++) if (b[i] !== 0x20) return false;
  // A length below 0x20 is a control character no text file starts with. A longer name ("!" to
  // "4" as its length byte could start a CSV) must also be repeated in UTF-16 from byte 56.
  if (n < 0x20) return true;
  if (b.length < 56 + 2 * n || b[54] !== n || b[55] !== 0) return false;
  for (let i = 0; i < n; i++) if (b[56 + 2 * i] !== b[1 + i] || b[57 + 2 * i] !== 0) return false;
  return true;
}

// ---- Messages ----

type Locale = "zh-CN" | "en-US";

function partPhrase(err: WorkbookReadError, locale: Locale): string {
  if (locale === "zh-CN") {
    return err.sheet ? `工作表“${err.sheet}”（部件 ${err.part}）` : `部件 ${err.part}`;
  }
  return err.sheet ? `the sheet "${err.sheet}" (part ${err.part})` : `the part ${err.part}`;
}

/** A plain sentence or two telling the user what is wrong with the file and what to do about it. */
export function describeReadError(err: WorkbookReadError, locale: Locale): string {
  const zh = locale === "zh-CN";
  const d = err.detail;
  const resave = zh ? "请用 Excel 打开该文件，另存为“Excel 工作簿 (*.xlsx)”后重试。" : "Open it in Excel and save it as an Excel Workbook (*.xlsx), then try again.";
  switch (err.code) {
    case "file-unreadable":
      return zh ? `无法打开该文件：${d}。请确认路径正确、文件未被占用且有读取权限。` : `The file could not be opened: ${d}. Check the path, that no other program has it locked, and that you may read it.`;
    case "not-zip":
      switch (err.looksLike) {
        case "empty":
          return zh ? "该文件是空的（0 字节），不是 Excel 工作簿。请重新导出或复制该文件。" : "The file is empty (0 bytes), so it is not an Excel workbook. Export or copy it again.";
        case "html":
          return zh
            ? `该文件实际上是网页（HTML），只是用了 Excel 的文件扩展名，并不是真正的 .xlsx 工作簿（有些系统会这样导出报表）。${resave}`
            : `The file is really a web page (HTML) with an Excel file name, not a real .xlsx workbook (some systems export reports this way). ${resave}`;
        case "xml-spreadsheet-2003":
          return zh ? `该文件是“XML 电子表格 2003”格式，不是 .xlsx 工作簿。${resave}` : `The file is in the old "XML Spreadsheet 2003" format, not an .xlsx workbook. ${resave}`;
        case "text":
          return zh
            ? `该文件是纯文本（例如 CSV），只是用了 .xlsx 扩展名，不是 Excel 工作簿。${resave}`
            : `The file is plain text (for example CSV) with an .xlsx name, not an Excel workbook. ${resave}`;
        case "pdf":
          return zh ? "该文件是 PDF 文档，不是 Excel 工作簿。请向来源系统索取 .xlsx 格式的导出文件。" : "The file is a PDF document, not an Excel workbook. Ask the source system for an .xlsx export.";
        case "excel-lock-file":
          return zh
            ? "该文件是 Excel 的锁定文件（文件名以“~$”开头，Excel 打开工作簿时在同一文件夹中生成，只记录打开者的用户名），不是工作簿本身。请选择同一文件夹中不带“~$”的真正工作簿文件。"
            : 'The file is Excel\'s lock file (its name starts with "~$"; Excel writes it next to a workbook it has open, and it only holds the name of the user), not the workbook itself. Open the real workbook: the file in the same folder without the "~$".';
        default:
          // The detail already says "not a zip package" for bytes we sniffed; say it once.
          if (d.startsWith("the file is binary data")) {
            return zh
              ? `该文件不是 .xlsx 工作簿：.xlsx 文件都是 zip 压缩包，而该文件是其他格式的二进制数据。${resave}`
              : `The file is not an .xlsx workbook: every .xlsx file is a zip package, and this file holds binary data of another kind. ${resave}`;
          }
          return zh
            ? `该文件不是 .xlsx 工作簿：.xlsx 文件都是 zip 压缩包，而该文件不是（${d}）。${resave}`
            : `The file is not an .xlsx workbook: every .xlsx file is a zip package and this one is not (${d}). ${resave}`;
      }
    case "legacy-or-encrypted":
      if (err.looksLike === "legacy-xls") {
        return zh
          ? `该文件是旧版 Excel 97-2003 工作簿（.xls，OLE 复合文档格式），本工具只读取 .xlsx。${resave}`
          : `The file is a legacy Excel 97-2003 workbook (.xls, an OLE compound document); only .xlsx is read. ${resave}`;
      }
      return zh
        ? "该文件是 OLE 复合文档：可能是设置了打开密码的工作簿，也可能是旧版 .xls 文件。请在 Excel 中打开，取消密码（文件 > 信息 > 保护工作簿 > 用密码进行加密，清空密码），并另存为不带密码的 .xlsx 文件后重试。"
        : "The file is an OLE compound document: a password-protected workbook or a legacy .xls file. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and save it as an .xlsx workbook without a password, then try again.";
    case "corrupt-zip":
      if (!err.part) {
        return zh
          ? `该文件已损坏或不完整（zip 包结构有误：${d}），可能是下载或复制时被截断。请重新下载或复制该文件。`
          : `The file is damaged or incomplete (its zip structure is broken: ${d}); it may have been cut short while downloading or copying. Download or copy it again.`;
      }
      return zh
        ? `${partPhrase(err, locale)}在压缩包中已损坏，无法解压（${d}）。请重新获取该文件，或用 Excel 打开修复后另存为 .xlsx。`
        : `${cap(partPhrase(err, locale))} is damaged inside the zip package and cannot be decompressed (${d}). Get the file again, or let Excel repair it and save it as .xlsx.`;
    case "unsupported-compression":
      return zh
        ? `${partPhrase(err, locale) || "该文件"}使用了无法读取的压缩方式（${d}）。${resave}`
        : `${cap(partPhrase(err, locale))} is compressed in a way that cannot be read (${d}). ${resave}`;
    case "missing-part":
      return zh
        ? `工作簿引用了${partPhrase(err, locale)}，但文件中没有这个部件（${d}）。文件不完整，或导出程序有缺陷。请用 Excel 打开并重新保存，或重新导出。`
        : `The workbook refers to ${partPhrase(err, locale)}, but the file does not contain it (${d}). The file is incomplete or its exporter is faulty. Open and re-save it in Excel, or export it again.`;
    case "bad-xml":
      return zh
        ? `${partPhrase(err, locale)}的 XML 内容格式错误，无法读取（${d}）。文件可能已损坏或被手工修改过。请用 Excel 打开修复后另存为 .xlsx。`
        : `${cap(partPhrase(err, locale))} holds malformed XML and cannot be read (${d}). The file may be damaged or hand-edited. Let Excel repair it and save it as .xlsx.`;
    case "crc-mismatch":
      return zh
        ? `${partPhrase(err, locale)}已损坏：内容与压缩包记录的 CRC-32 校验值不符（${d}），读出的数字可能是错的，因此不予读取。文件可能在传输或复制时损坏。请从来源重新获取该文件。`
        : `${cap(partPhrase(err, locale))} is damaged: its content does not match the CRC-32 checksum the zip package recorded (${d}), so figures read from it could be wrong and it is not read. The file was probably damaged in transfer or copying. Get the file again from its source.`;
    case "dtd-not-allowed":
      return zh
        ? `${partPhrase(err, locale)}含有 DTD/实体声明（<!DOCTYPE … [<!ENTITY …>]>）。电子表格软件从不写入这类声明，它们可被用来攻击读取程序（如“实体炸弹”），因此不允许，文件未被读取（${d}）。该文件并非由 Excel 等软件正常保存，或已被改动。请从来源重新获取该文件。`
        : `${cap(partPhrase(err, locale))} contains DTD/entity declarations (<!DOCTYPE … [<!ENTITY …>]>). Spreadsheet software never writes them and they can be used to attack a reader (an "entity bomb"), so they are not allowed and the file was not read (${d}). The file was not saved normally by Excel or similar software, or it has been tampered with. Get the file again from its source.`;
    case "not-workbook":
      switch (err.looksLike) {
        case "numbers":
          return zh
            ? "该文件是 Apple Numbers 表格（只是扩展名改成了 .xlsx），不是 Excel 工作簿。请在 Numbers 中打开它，选择“文件 > 导出为 > Excel…”，然后使用导出的 .xlsx 文件。"
            : "The file is an Apple Numbers spreadsheet renamed to .xlsx, not an Excel workbook. Open it in Numbers, choose File > Export To > Excel…, and use the .xlsx file that Numbers writes.";
        case "xlsb":
          return zh ? `该文件是 Excel 二进制工作簿（.xlsb），本工具只读取 .xlsx。${resave}` : `The file is an Excel Binary Workbook (.xlsb); only .xlsx is read. ${resave}`;
        case "ods":
          return zh ? `该文件是 OpenDocument 电子表格（.ods），不是 .xlsx。${resave}` : `The file is an OpenDocument spreadsheet (.ods), not .xlsx. ${resave}`;
        default:
          return zh
            ? `该文件是 zip 包，但不是 Excel 工作簿（${d}）。请确认选择了正确的文件。`
            : `The file is a zip package but not an Excel workbook (${d}). Check that you picked the right file.`;
      }
    case "internal":
    default:
      return zh
        ? `读取${err.part ? partPhrase(err, locale) : "工作簿"}时发生意外错误（${d}）。请将该文件提供给技术支持。`
        : `An unexpected error occurred while reading ${err.part ? partPhrase(err, locale) : "the workbook"} (${d}). Please send the file to support.`;
  }
}

// The warnings' wording lives in core (core/workbook.ts) so the task pane can show them too.
export { describeReadWarning } from "../../core/workbook";

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
