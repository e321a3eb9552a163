// Office.js errors -> HostError with a message the analyst can act on, in the pane's language.
// The Office error code is kept on the HostError (`code`) and, for the generic case, in the text
// too, so a support call can start from it.

import { HostError } from "../../host-api";
import type { Lang } from "./support";

/** What an Office.js rejection looks like (OfficeExtension.Error): name "RichApi.Error", a code, a message. */
interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { errorLocation?: unknown; code?: unknown };
}

export function officeCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const o = e as OfficeErrorLike;
  if (typeof o.code === "string" && o.code !== "") return o.code;
  if (typeof o.debugInfo?.code === "string") return o.debugInfo.code;
  return undefined;
}

/**
 * The codes under which Excel refuses a request for its size. Excel on the web caps a request and
 * a response at 5 MB and says RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded
 * (Excel.ErrorCodes lists the latter; the former is documented in the error-code table). Older
 * builds surfaced "PayloadTooLarge"; RangeExceedsLimit is the 5-million-cell cap on one range.
 * All four are cured by asking for fewer rows at a time.
 */
const PAYLOAD_CODES = new Set([
  "RequestPayloadSizeLimitExceeded",
  "ResponsePayloadSizeLimitExceeded",
  "PayloadTooLarge",
  "RangeExceedsLimit",
]);

export function isPayloadTooLarge(e: unknown): boolean {
  const code = officeCode(e);
  return code !== undefined && PAYLOAD_CODES.has(code);
}

type Msg = Record<Lang, string>;

const MESSAGES: Record<string, Msg> = {
  ItemNotFound: {
    "zh-CN": "找不到要操作的工作表或表格，可能已被删除或重命名。请刷新后重试。",
    "en-US": "A sheet or table LossDesk needs is gone (deleted or renamed). Refresh and try again.",
  },
  InvalidOperationInCellEditMode: {
    "zh-CN": "Excel 正在编辑单元格。请先完成编辑（按 Enter 或 Esc），再重试。",
    "en-US": "Excel is editing a cell. Finish editing the cell first (press Enter or Esc), then try again.",
  },
  AccessDenied: {
    "zh-CN": "工作表或工作簿受保护，无法写入。请撤销保护后重试。",
    "en-US": "The sheet is protected (or the workbook is), so LossDesk cannot write to it. Unprotect it and try again.",
  },
  PayloadTooLarge: {
    "zh-CN": "数据量超出 Excel 单次传输上限，已多次缩小批量仍失败。请在桌面版 Excel 中运行，或删减数据后重试。",
    "en-US": "The data is too large for Excel to transfer, even in small batches. Try Excel on the desktop, or reduce the data.",
  },
  InvalidArgument: {
    "zh-CN": "Excel 拒绝了这次写入（参数无效）。请将错误代码告知支持人员：",
    "en-US": "Excel refused the change (invalid argument). Please give support this code: ",
  },
  Cancelled: {
    "zh-CN": "已取消。",
    "en-US": "Cancelled.",
  },
  Generic: {
    "zh-CN": "Excel 操作失败，请重试。如仍失败，请将错误代码告知支持人员：",
    "en-US": "Excel could not complete the operation. Try again; if it keeps failing, give support this code: ",
  },
};

/** Codes that, for the analyst, mean "the sheet is protected". */
const PROTECTED = new Set(["AccessDenied", "InvalidOperation.SheetProtected", "SheetProtected"]);

export function cancelledError(lang: Lang): HostError {
  return new HostError(MESSAGES.Cancelled[lang], "cancelled");
}

/** Maps anything thrown inside Excel.run to a HostError; a HostError passes through unchanged. */
export function toHostError(e: unknown, lang: Lang): HostError {
  if (e instanceof HostError) return e;
  const code = officeCode(e);
  if (code === "ItemNotFound") return new HostError(MESSAGES.ItemNotFound[lang], code);
  if (code === "InvalidOperationInCellEditMode") return new HostError(MESSAGES.InvalidOperationInCellEditMode[lang], code);
  if (code !== undefined && PROTECTED.has(code)) return new HostError(MESSAGES.AccessDenied[lang], code);
  // Excel says "protected" in the message of some InvalidOperation errors rather than in the code
  const message = typeof (e as OfficeErrorLike | null)?.message === "string" ? String((e as OfficeErrorLike).message) : "";
  if (code === "InvalidOperation" && /protect/i.test(message)) return new HostError(MESSAGES.AccessDenied[lang], "AccessDenied");
  if (isPayloadTooLarge(e)) return new HostError(MESSAGES.PayloadTooLarge[lang], code);
  if (code === "InvalidArgument") return new HostError(MESSAGES.InvalidArgument[lang] + code + location(e), code);
  const shown = code ?? (e instanceof Error ? e.name : "Unknown");
  return new HostError(MESSAGES.Generic[lang] + shown + location(e), code ?? "host");
}

/** " (Range.values)" when Office says where it failed: cheap and very useful on a support call. */
function location(e: unknown): string {
  const loc = (e as OfficeErrorLike | null)?.debugInfo?.errorLocation;
  return typeof loc === "string" && loc !== "" ? ` (${loc})` : "";
}
