// The CLI reads a big sheet on a worker thread (src/adapters/xlsx/read-worker.ts, sheet-worker.ts).
// Jest runs the TypeScript sources, where there is no compiled worker to start, so this test builds
// the CLI into a folder of its own and runs it on every fixture workbook twice: every sheet sent to
// the thread (LOSSDESK_READ_THREAD_BYTES=0) and no thread at all (LOSSDESK_READ_THREADS=1). The
// JSON, the messages and the exit code must be the same, byte for byte, damaged packages included.
// A third run has the worker hand every run of rows it can to the main thread as text, cut in
// runs of ~300 characters (LOSSDESK_READ_HANDOFF=always, LOSSDESK_READ_UNIT_CHARS): the main
// thread's share of the reading must also give the same, byte for byte. The one-thread run also
// writes its JSON on the main thread (LOSSDESK_JSON_THREAD=0, src/cli/json-out.ts), the others on
// the JSON writing thread.
import { execFileSync, spawnSync } from "child_process";
import fs from "fs";
import path from "path";

const ROOT = path.join(__dirname, "..");
// inside the repository, so the build finds node_modules as build/cli does
fs.mkdirSync(path.join(ROOT, "build"), { recursive: true });
const OUT = fs.mkdtempSync(path.join(ROOT, "build", "threads-test-"));
const MAIN = path.join(OUT, "src", "cli", "main.js");

function workbooks(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    return e.isDirectory() ? workbooks(f) : /\.(xlsx|xlsm|xls|ods)$/i.test(e.name) ? [f] : [];
  });
}
const FILES = [...workbooks(path.join(ROOT, "test", "fixtures")), path.join(ROOT, "assets", "sample-lossdesk.xlsx")].sort();

function analyze(file: string, env: Record<string, string>, json = "-") {
  const base = { ...process.env };
  for (const k of ["LANG", "LC_ALL", "LOSSDESK_LOCALE", "LOSSDESK_READ_THREADS", "LOSSDESK_READ_THREAD_BYTES", "LOSSDESK_READ_HANDOFF", "LOSSDESK_READ_UNIT_CHARS", "LOSSDESK_JSON_THREAD"]) delete base[k];
  const script = `require(${JSON.stringify(MAIN)}).main(process.argv.slice(1)).then((c) => { process.exitCode = c; })`;
  const r = spawnSync(process.execPath, ["-e", script, "analyze", file, "--json", json], {
    encoding: "utf8", env: { ...base, ...env }, maxBuffer: 1 << 28,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", path.join(ROOT, "tsconfig.build.json"), "--outDir", OUT], { stdio: "inherit" });
}, 240000);

afterAll(() => fs.rmSync(OUT, { recursive: true, force: true }));

test("the compiled worker is there to be started", () => {
  expect(fs.existsSync(path.join(OUT, "src", "adapters", "xlsx", "sheet-worker.js"))).toBe(true);
  expect(FILES.length).toBeGreaterThan(30);
});

test("a sheet read on the worker thread gives what one thread gives, on every fixture", () => {
  const differ: string[] = [];
  let analysed = 0;
  for (const file of FILES) {
    const threaded = analyze(file, { LOSSDESK_READ_THREAD_BYTES: "0" });
    const single = analyze(file, { LOSSDESK_READ_THREADS: "1", LOSSDESK_JSON_THREAD: "0" });
    const handed = analyze(file, { LOSSDESK_READ_THREAD_BYTES: "0", LOSSDESK_READ_HANDOFF: "always", LOSSDESK_READ_UNIT_CHARS: "300" });
    if (threaded.code !== single.code || threaded.out !== single.out || threaded.err !== single.err) differ.push(path.relative(ROOT, file));
    if (handed.code !== single.code || handed.out !== single.out || handed.err !== single.err) differ.push(`${path.relative(ROOT, file)} (rows handed to the main thread)`);
    if (single.out.includes('"clientId"')) analysed++;
  }
  expect(differ).toEqual([]);
  // most fixtures are analysable workbooks, so the comparison covers results, not only messages
  expect(analysed).toBeGreaterThanOrEqual(10);
}, 600000);

test("a JSON that cannot be written fails the same on the writing thread as on the main thread", () => {
  const sample = path.join(ROOT, "assets", "sample-lossdesk.xlsx");
  const threaded = analyze(sample, {}, "/dev/full");
  const single = analyze(sample, { LOSSDESK_JSON_THREAD: "0" }, "/dev/full");
  expect(threaded.code).toBe(1);
  // (the stacks differ: the error is made again on this side of the thread)
  expect(single.code).toBe(1);
  for (const r of [threaded, single]) expect(r.err).toMatch(/Error: ENOSPC: no space left on device, write/);
});
