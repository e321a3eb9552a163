// `lossdesk check`: spawns the built CLI (node bin/lossdesk.js) as a compliance officer runs it.
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";

const ROOT = path.join(__dirname, "..");
const BIN = path.join(ROOT, "bin", "lossdesk.js");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-check-"));

function run(args: string[], input?: string | Buffer, env: Record<string, string> = {}) {
  // the locale comes from LOSSDESK_LOCALE, LC_ALL or LANG: none unless the test sets one
  const base = { ...process.env };
  for (const k of ["LANG", "LC_ALL", "LOSSDESK_LOCALE"]) delete base[k];
  const r = spawnSync(process.execPath, [BIN, "check", ...args], { input, encoding: "utf8", env: { ...base, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  // the CLI runs from build/cli/: build it from the current sources
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
}, 240000);

// A BOM, CRLF line ends, an empty line, traditional characters, a zero-width space.
const INPUT = "\uFEFF业绩比较基准为4.5%，您到期可获得4.5%的收益\r\n您好，理解您的心情。本产品不保本。\r\n\r\n本產品保證收益\r\nThe bank will make up your losses\r\n这是最好的产品\r\n";

test("prints each line's findings in Chinese by default, exit 0 with findings", () => {
  const file = path.join(tmp, "replies.txt");
  fs.writeFileSync(file, INPUT);
  const r = run([file]);
  expect(r.code).toBe(0);
  expect(r.out.split("\n")).toEqual([
    "第 1 行：不通过",
    "  错误 业绩比较基准或收益率当作客户所得「业绩比较基准为4.5%，您到期可获得」 (benchmark-as-return)",
    "第 2 行：通过",
    "第 3 行：通过",
    "第 4 行：不通过",
    "  错误 保本保收益类用语「保證收益」 (promise-words)",
    "第 5 行：不通过",
    "  错误 承诺赔偿「The bank will make up your losses」 (compensation-promise)",
    "第 6 行：需复核",
    "  警告 无依据的绝对化用语「最好」 (superlative)",
    "共 6 行：3 行不通过，1 行需复核，2 行通过",
    "",
  ]);
});

test("--json - writes one entry per input line, in order, on stdout (the summary on stderr); English from --locale", () => {
  const r = run(["--locale", "en-US", "--json", "-", "-"], INPUT);
  expect(r.code).toBe(0);
  const j = JSON.parse(r.out);
  expect(j.map((e: any) => e.line)).toEqual([1, 2, 3, 4, 5, 6]);
  expect(j[0]).toEqual({ line: 1, text: "业绩比较基准为4.5%，您到期可获得4.5%的收益", findings: [{ rule: "benchmark-as-return", severity: "error", text: "业绩比较基准为4.5%，您到期可获得" }] });
  expect(j[2]).toEqual({ line: 3, text: "", findings: [] });
  expect(j[3].findings).toEqual([{ rule: "promise-words", severity: "error", text: "保證收益" }]);
  expect(r.err).toContain('  error promise of compensation "The bank will make up your losses" (compensation-promise)');
  expect(r.err).toContain("6 lines: 3 failed, 1 to review, 2 clean");
});

test("LANG=en picks English; --json <file> writes the file", () => {
  const out = path.join(tmp, "out", "check.json");
  const r = run(["--json", out], "You will surely recover your losses\n", { LANG: "en_US.UTF-8" });
  expect(r.code).toBe(0);
  expect(r.out).toContain('line 1: failed\n  error certainty about a future outcome "surely recover" (certain-outcome)');
  expect(JSON.parse(fs.readFileSync(out, "utf8"))).toEqual([
    { line: 1, text: "You will surely recover your losses", findings: [{ rule: "certain-outcome", severity: "error", text: "surely recover" }] },
  ]);
});

test("--letter asks each line for the standard risk warning", () => {
  const r = run(["--letter", "--locale", "zh-CN", "--json", "-"], "尊敬的王伟：您好！理财非存款、产品有风险、投资须谨慎。\n");
  expect(JSON.parse(r.out)[0].findings).toEqual([{ rule: "missing-risk-warning", severity: "error", text: "过往业绩不代表其未来表现" }]);
});

test("exit 2 on unusable arguments and unreadable files", () => {
  expect(run(["--locale", "fr-FR"], "x\n").code).toBe(2);
  expect(run(["--bogus"], "x\n").code).toBe(2);
  expect(run(["a.txt", "b.txt"], "").code).toBe(2);
  const missing = run([path.join(tmp, "nope.txt")]);
  expect([missing.code, missing.err.trim()]).toEqual([2, `lossdesk check: 找不到文件 ${path.join(tmp, "nope.txt")}`]);
  const bin = path.join(tmp, "latin1.txt");
  fs.writeFileSync(bin, Buffer.from([0xb1, 0xa3, 0xb1, 0xbe, 0x0a])); // 保本 in GBK, not UTF-8
  const gbk = run([bin]);
  expect([gbk.code, gbk.err.trim()]).toEqual([2, `lossdesk check: ${bin} 不是 UTF-8 文本`]);
});
