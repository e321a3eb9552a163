// The result JSON keeps the shape docs/result.schema.json promises: the CLI's --json and the pane
// both produce it, and banks script against it.
import fs from "fs";
import path from "path";
import Ajv from "ajv";
import { analyzeWorkbook, resultJson, writeResultJson } from "../src/core/analysis";
import { generateSample } from "../src/core/sample";
import { snapshotOf } from "./helpers/snapshot";

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "docs", "result.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);
const analysis = analyzeWorkbook(snapshotOf(generateSample({ clients: 300, products: 6, seed: 11 }).sheets));

test("the sample's result, as built and as streamed, matches the schema", () => {
  const j = resultJson(analysis);
  expect(validate(j) ? [] : validate.errors).toEqual([]);
  let text = "";
  writeResultJson(analysis, (s) => (text += s));
  expect(validate(JSON.parse(text)) ? [] : validate.errors).toEqual([]);
  expect(j.clients.length).toBe(analysis.totals.clients);
});

test("the schema refuses what the contract forbids", () => {
  const j = JSON.parse(JSON.stringify(resultJson(analysis)));
  j.clients[0].pnl = "-30000.005"; // an amount with three decimals
  j.totals.lossRate = "x"; // an unknown total
  j.products[0].latestNav = "1.2"; // a NAV with fewer than 4 decimals
  expect(validate(j)).toBe(false);
  expect(validate.errors!.map((e) => e.instancePath).sort()).toEqual(["/clients/0/pnl", "/products/0/latestNav", "/totals"]);
});

test("--lots none: positions without their lots still match the schema, and only lots differ", () => {
  let full = "", none = "";
  writeResultJson(analysis, (s) => (full += s));
  writeResultJson(analysis, (s) => (none += s), { lots: "none" });
  const n = JSON.parse(none);
  expect(validate(n) ? [] : validate.errors).toEqual([]);
  expect(n.clients[0].positions[0]).not.toHaveProperty("lots");
  const f = JSON.parse(full);
  expect(f.clients[0].positions[0].lots.length).toBeGreaterThan(0);
  for (const c of f.clients) for (const p of c.positions) delete p.lots;
  expect(n).toEqual(f);
  // A position's lots, when present, are never an empty list.
  const bad = JSON.parse(full);
  bad.clients[0].positions[0].lots = [];
  expect(validate(bad)).toBe(false);
});
