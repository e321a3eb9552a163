// Command-line arguments, shared by every lossdesk command: positionals, `--flag value`,
// `--flag=value`, and boolean flags. "-" is a value (stdout), never a flag.

import fs from "fs";
import type { Locale } from "../core/i18n";
import { type ScoringConfig, scoringWith } from "../core/risk";

export class UsageError extends Error {}

export interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], valueFlags: ReadonlySet<string>, boolFlags: ReadonlySet<string>): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith("--")) { positional.push(a); continue; }
    const eq = a.indexOf("=");
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (valueFlags.has(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || (v.startsWith("--") && v !== "-")) throw new UsageError(`${name} needs a value`);
      flags.set(name, v);
    } else if (boolFlags.has(name)) {
      flags.set(name, true);
    } else {
      throw new UsageError(`unknown option ${a}`);
    }
  }
  return { positional, flags };
}

export function str(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === "string" ? v : undefined;
}

/** zh-CN unless the environment asks for English (LOSSDESK_LOCALE, LC_ALL, LANG). */
export function defaultLocale(): Locale {
  const env = process.env.LOSSDESK_LOCALE ?? process.env.LC_ALL ?? process.env.LANG ?? "";
  return /^en/i.test(env) ? "en-US" : "zh-CN";
}

/** The --scoring file's config (undefined: the defaults), or false when it cannot be read (said); analyze and event new read it. */
export function scoringOf(args: Args, zh: boolean, complain: (s: string) => void): ScoringConfig | undefined | false {
  const scoringPath = str(args, "--scoring");
  if (!scoringPath) return undefined;
  try {
    return scoringWith(JSON.parse(fs.readFileSync(scoringPath, "utf8")));
  } catch (e) {
    complain(zh ? `lossdesk: 无法读取评分配置 ${scoringPath}：${(e as Error).message}` : `lossdesk: cannot read scoring config ${scoringPath}: ${(e as Error).message}`);
    return false;
  }
}

/**
 * adapters/exceljs/write's writeNewWorkbook, loaded when a command first writes a new workbook:
 * ExcelJS brings some 600 modules (about 0.2 s to compile) that `analyze --json`, `check` and the
 * grafting writer never use.
 */
export const writeNewWorkbook: typeof import("../adapters/exceljs/write").writeNewWorkbook = async (...args) =>
  (await import("../adapters/exceljs/write")).writeNewWorkbook(...args);
