// The CLI's streaming options: CSV inputs, --encoding, --lots.
import fs from "fs";
import os from "os";
import path from "path";
import { Writable } from "stream";
import { main } from "../src/cli/main";

const CSV = path.join(__dirname, "fixtures", "csv");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-cli-stream-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function run(...argv: string[]) {
  let out = "", err = "";
  const sink = (f: (s: string) => void) => new Writable({ write(chunk, _enc, cb) { f(String(chunk)); cb(); } });
  const code = await main(argv, sink((s) => (out += s)), sink((s) => (err += s)));
  return { code, out, err };
}

test("--nav and --holdings CSV files: the summary names issues file:line:column", async () => {
  const json = path.join(tmp, "r.json");
  const r = await run("analyze", "--nav", path.join(CSV, "gbk/nav.csv"), "--holdings", path.join(CSV, "gbk/holdings.csv"), "--json", json, "--locale", "en-US");
  expect(r.code).toBe(0);
  expect(r.out).toContain("error holdings.csv:5:4: shares is negative (-5)");
  expect(r.out).toContain("error holdings.csv:8:3: product LC09 has no NAV on or before 2026-11-27");
  const j = JSON.parse(fs.readFileSync(json, "utf8"));
  expect(j.totals).toMatchObject({ lotRows: 6, lotsAccepted: 3, loss: "3800.50" });
  expect(j.clients[0].positions[0].lots).toEqual([{ sheet: "holdings.csv", row: 2, ref: "A2:G2" }]);
});

test("a folder, --lots none: no per-lot cells; the same figures", async () => {
  const a = path.join(tmp, "a.json"), b = path.join(tmp, "b.json");
  expect((await run("analyze", path.join(CSV, "utf8-bom"), "--json", a)).code).toBe(0);
  expect((await run("analyze", path.join(CSV, "utf8-bom"), "--json", b, "--lots", "none")).code).toBe(0);
  const ja = JSON.parse(fs.readFileSync(a, "utf8")), jb = JSON.parse(fs.readFileSync(b, "utf8"));
  expect(jb.clients[0].positions[0]).not.toHaveProperty("lots");
  for (const c of ja.clients) for (const p of c.positions) delete p.lots;
  expect(jb).toEqual(ja);
});

test("bad options and inputs exit 2 with a reason", async () => {
  const enc = await run("analyze", path.join(CSV, "gbk"), "--encoding", "latin1");
  expect(enc.code).toBe(2);
  expect(enc.err).toContain('--encoding must be auto, utf-8 or gb18030, not "latin1"');
  const lots = await run("analyze", path.join(CSV, "gbk"), "--lots", "all");
  expect(lots.err).toContain('--lots must be source or none, not "all"');
  const utf8 = await run("analyze", path.join(CSV, "gbk"), "--encoding", "utf-8", "--locale", "en-US");
  expect(utf8.code).toBe(2);
  expect(utf8.err).toContain("not valid UTF-8");
  const empty = fs.mkdtempSync(path.join(tmp, "empty-"));
  const none = await run("analyze", empty, "--locale", "en-US");
  expect(none.code).toBe(2);
  expect(none.err).toContain("no .csv file found");
});
