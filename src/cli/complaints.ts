// `lossdesk complaints <workbook.xlsx> [--as-of YYYY-MM-DD] [--json <file>|-] [--locale]`: the open
// complaints of a workbook's register (投诉登记, or any sheet with 投诉编号 / 收到日期 headers), by
// reply deadline. Client IDs are checked against the workbook's own holdings when it has them.
// Exit 0 when the register was read (bad rows included, as issues); 2 when there is no register or
// the file cannot be read.

import fs from "fs";
import path from "path";
import { analyzeParsed, readInput } from "../core/analysis";
import { COMPLAINT_STATUS_LABEL, complaintsJson, clientLookup, findRegister, readRegister, type ClientLookup, type ComplaintStatus } from "../core/event";
import { InputFatalError } from "../core/input";
import type { Locale } from "../core/i18n";
import { readXlsxFile, WorkbookReadError, describeReadError } from "../adapters/xlsx/read";

export interface ComplaintsCommandOptions {
  input: string;
  locale: Locale;
  /** Default: today on this machine's calendar. */
  asOf?: string;
  json?: string;
}

function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export async function complaintsCommand(
  o: ComplaintsCommandOptions, say: (s: string) => void, complain: (s: string) => void,
  write: (s: string) => void = (s) => process.stdout.write(s),
): Promise<number> {
  const zh = o.locale === "zh-CN";
  const human = o.json === "-" ? complain : say;
  if (!fs.existsSync(o.input)) { complain(zh ? `lossdesk: 找不到文件 ${o.input}` : `lossdesk: no such file ${o.input}`); return 2; }
  let wb;
  try {
    wb = await readXlsxFile(o.input);
  } catch (e) {
    if (e instanceof WorkbookReadError) { complain(`lossdesk: ${o.input}: ${describeReadError(e, o.locale)}`); return 2; }
    throw e;
  }
  const found = findRegister(wb);
  if (!found) {
    complain(zh
      ? `lossdesk: ${o.input} 中没有投诉登记表（“投诉登记”工作表，或含“投诉编号”“收到日期”表头的表格）`
      : `lossdesk: ${o.input} has no complaint register (a Complaints sheet, or a table with Complaint ID and Received headers)`);
    return 2;
  }
  let clients: ClientLookup | undefined;
  try {
    clients = clientLookup(analyzeParsed(readInput(wb, { locale: o.locale })));
  } catch (e) {
    if (!(e instanceof InputFatalError)) throw e;
    human(zh ? "（工作簿中没有可用的持仓表：未核对客户编号）" : "(no usable holdings table in the workbook: client IDs not checked)");
  }
  const asOf = o.asOf ?? today();
  const read = readRegister(found, { locale: o.locale, asOf, clients });
  const doc = complaintsJson(read.complaints, asOf);
  if (o.json) {
    const text = JSON.stringify(doc, null, 2) + "\n";
    if (o.json === "-") write(text);
    else {
      fs.mkdirSync(path.dirname(path.resolve(o.json)), { recursive: true });
      fs.writeFileSync(o.json, text);
    }
  }
  human(zh
    ? `投诉登记 ${found.sheet.name}（截至 ${asOf}）：未办结 ${doc.totals.open} 件，已逾期 ${doc.totals.overdue} 件，3 日内到期 ${doc.totals.dueSoon} 件`
    : `complaints on ${found.sheet.name} (as of ${asOf}): ${doc.totals.open} open, ${doc.totals.overdue} overdue, ${doc.totals.dueSoon} due within 3 days`);
  for (const c of doc.complaints) {
    const left = c.overdue
      ? (zh ? `逾期 ${-c.daysLeft} 日` : `${-c.daysLeft} day${c.daysLeft === -1 ? "" : "s"} overdue`)
      : (zh ? `剩 ${c.daysLeft} 日` : `${c.daysLeft} day${c.daysLeft === 1 ? "" : "s"} left`);
    human(`  ${c.dueDate}  ${left.padEnd(zh ? 8 : 16)}  ${c.id || "-"}  ${c.clientId || "-"}  ${COMPLAINT_STATUS_LABEL[c.status as ComplaintStatus]?.[o.locale] ?? c.status}  ${c.demand}`);
  }
  if (read.issues.length) {
    human(zh ? `问题 ${read.issues.length} 个：` : `${read.issues.length} issues:`);
    for (const i of read.issues) human(`  ${i.severity === "error" ? (zh ? "错误" : "error") : (zh ? "警告" : "warning")} ${i.message}`);
  }
  if (o.json && o.json !== "-") human(zh ? `已写出 ${o.json}` : `wrote ${o.json}`);
  return 0;
}
