// The repository's own text: an unresolved merge once sat in docs/ARCHITECTURE.md for several
// sessions (two versions of the page, conflict markers and all), and nothing noticed. These checks
// are cheap and catch that class of slip in every text file we keep, and links between the docs.
import fs from "fs";
import path from "path";

const ROOT = path.join(__dirname, "..");
const TEXT = /\.(?:ts|tsx|js|mjs|cjs|json|md|html|xml|tsv|sh|py|yml|yaml)$/;
const SKIP = new Set(["node_modules", "build", "dist", ".git", "coverage"]);

function textFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) textFiles(p, out);
    else if (TEXT.test(e.name) && fs.statSync(p).size < 4_000_000) out.push(p);
  }
  return out;
}

const files = [...textFiles(path.join(ROOT, "src")), ...textFiles(path.join(ROOT, "test")),
  ...textFiles(path.join(ROOT, "docs")), ...textFiles(path.join(ROOT, "bench")),
  ...textFiles(path.join(ROOT, "scripts")), path.join(ROOT, "README.md"), path.join(ROOT, "manifest.xml"),
  path.join(ROOT, "package.json"), path.join(ROOT, ".ci", "run")];

describe("the repository's text files", () => {
  it("are many (the walk found them)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files).toContain(path.join(ROOT, "docs", "ARCHITECTURE.md"));
  });

  it("hold no merge-conflict markers", () => {
    const marked = files.filter((f) => /^(?:<{7}|>{7})(?: |$)|^={7}$/m.test(fs.readFileSync(f, "utf8")));
    expect(marked.map((f) => path.relative(ROOT, f))).toEqual([]);
  });

  it("docs link only to pages that exist", () => {
    const broken: string[] = [];
    for (const f of [...textFiles(path.join(ROOT, "docs")), path.join(ROOT, "README.md")]) {
      if (!f.endsWith(".md")) continue;
      for (const m of fs.readFileSync(f, "utf8").matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
        const target = m[1];
        if (/^[a-z]+:/i.test(target)) continue; // http:, mailto:
        if (!fs.existsSync(path.resolve(path.dirname(f), target))) broken.push(`${path.relative(ROOT, f)} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("docs/ARCHITECTURE.md stays one page", () => {
    expect(fs.readFileSync(path.join(ROOT, "docs", "ARCHITECTURE.md"), "utf8").split("\n").length).toBeLessThan(100);
  });
});
