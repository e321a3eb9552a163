// `lossdesk check [--locale zh-CN|en-US] [--letter] [--json <file>|-] [<file>|-]`: the compliance
// check of hand-written text, one text per line (a compliance officer's list of replies, an RM's
// draft). Reads UTF-8 from the file or stdin (a BOM and CRLF line ends are tolerated), prints each
// line's findings; --json writes one entry per input line, in order:
//   { "line": 1, "text": "...", "findings": [ { "rule", "severity", "text" } ] }
// Exit 0 when it ran (findings or not: the findings are the answer), 2 on unusable arguments or an
// unreadable file.

import fs from "fs";
import path from "path";
import { Args, UsageError, defaultLocale, parseArgs, str } from "./args";
import { Locale, isLocale } from "../core/i18n";
import { RULE_LABEL, checkText, Finding } from "../core/compliance";

const VALUE_FLAGS = new Set(["--locale", "--json"]);
const BOOL_FLAGS = new Set(["--letter", "--help"]);

export const CHECK_HELP = `  lossdesk check [--locale zh-CN|en-US] [--letter] [--json <file>|-] [<file>|-]
      逐行检查文字中的保本保收益、承诺赔偿、确定性承诺等违规用语（无文件或 - 时读标准输入）
      Checks each line of a text for promises of principal, returns or compensation (stdin without a file or with -).
      --letter 每行按信函检查，须含标准风险提示 / each line is a letter and must carry the risk warning
      --json   写出 JSON 数组，每行一项（- 为标准输出） / write a JSON array, one entry per line (- for stdout)`;

export interface CheckLine { line: number; text: string; findings: Pick<Finding, "rule" | "severity" | "text">[] }

/** The lines of a UTF-8 text: BOM dropped, CRLF and LF line ends, no phantom line after the last end. */
export function textLines(raw: string): string[] {
  const s = raw.replace(/^\uFEFF/, "");
  if (s === "") return [];
  const lines = s.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function checkLines(lines: string[], opts: { letter?: boolean; locale?: Locale } = {}): CheckLine[] {
  return lines.map((text, i) => ({
    line: i + 1,
    text,
    // An empty line has nothing to check, also not a missing risk warning.
    findings: text.trim() === "" ? [] : checkText(text, { letter: opts.letter, locale: opts.letter ? opts.locale : undefined })
      .map((f) => ({ rule: f.rule, severity: f.severity, text: f.text })),
  }));
}

/** The bytes of the file (or stdin) as UTF-8; throws a TypeError when they are not UTF-8. */
function readInput(file: string | undefined): string {
  const bytes = file === undefined || file === "-" ? fs.readFileSync(0) : fs.readFileSync(file);
  return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

export async function checkCommand(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let args: Args;
  let locale: Locale;
  try {
    args = parseArgs(argv, VALUE_FLAGS, BOOL_FLAGS);
    const l = str(args, "--locale");
    if (l !== undefined && !isLocale(l)) throw new UsageError(`--locale must be zh-CN or en-US, not "${l}"`);
    locale = (l as Locale | undefined) ?? defaultLocale();
    if (args.positional.length > 1) throw new UsageError(`unexpected argument "${args.positional[1]}"`);
  } catch (e) {
    if (e instanceof UsageError) { err(`lossdesk check: ${e.message}\n\n${CHECK_HELP}`); return 2; }
    throw e;
  }
  if (args.flags.has("--help")) { out(CHECK_HELP); return 0; }
  const zh = locale === "zh-CN";
  const file = args.positional[0];
  const jsonPath = str(args, "--json");
  let raw: string;
  try {
    raw = readInput(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const m = code === "ENOENT" ? (zh ? `找不到文件 ${file}` : `no such file ${file}`)
      : e instanceof TypeError ? (zh ? `${file ?? "标准输入"} 不是 UTF-8 文本` : `${file ?? "stdin"} is not UTF-8 text`)
      : (e as Error).message;
    err(`lossdesk check: ${m}`);
    return 2;
  }
  const results = checkLines(textLines(raw), { letter: args.flags.has("--letter"), locale });
  // With the JSON on stdout, the human lines go to stderr so the JSON stays parseable.
  const human = jsonPath === "-" ? err : out;
  let failing = 0, review = 0;
  for (const r of results) {
    const errors = r.findings.filter((f) => f.severity === "error").length;
    if (errors) failing++;
    else if (r.findings.length) review++;
    const head = r.findings.length === 0 ? (zh ? "通过" : "clean") : errors ? (zh ? "不通过" : "failed") : (zh ? "需复核" : "review");
    human(zh ? `第 ${r.line} 行：${head}` : `line ${r.line}: ${head}`);
    for (const f of r.findings) {
      const sev = f.severity === "error" ? (zh ? "错误" : "error") : zh ? "警告" : "warning";
      const quoted = f.rule === "missing-risk-warning" ? (zh ? `：${f.text}` : `: ${f.text}`) : zh ? `「${f.text}」` : ` "${f.text}"`;
      human(`  ${sev} ${RULE_LABEL[f.rule][locale]}${quoted} (${f.rule})`);
    }
  }
  human(zh
    ? `共 ${results.length} 行：${failing} 行不通过，${review} 行需复核，${results.length - failing - review} 行通过`
    : `${results.length} lines: ${failing} failed, ${review} to review, ${results.length - failing - review} clean`);
  if (jsonPath) {
    const json = JSON.stringify(results, null, 2) + "\n";
    if (jsonPath === "-") out(json.trimEnd());
    else {
      try {
        fs.mkdirSync(path.dirname(path.resolve(jsonPath)), { recursive: true });
        fs.writeFileSync(jsonPath, json);
      } catch (e) {
        err(`lossdesk check: ${(e as Error).message}`);
        return 2;
      }
      human(zh ? `已写出 ${jsonPath}` : `wrote ${jsonPath}`);
    }
  }
  return 0;
}
