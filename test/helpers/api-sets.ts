// Which Office.js members the Office adapter uses, which ExcelApi requirement set each needs (from
// the `[Api set: ExcelApi 1.x]` annotations of @types/office-js), and whether a use above the
// manifest's minimum is guarded by a support check. Used by test/office-api-sets.test.ts.
//
// The TypeScript compiler resolves every property access (`range.conditionalFormats`,
// `Excel.ConditionalFormatType.custom`, `sheet.showGridlines = false`) to the declaration it hits;
// for a call, to the overload it resolves to. The set is that declaration's own annotation, else
// its class's, interface's or enum's. Type positions (`x: Excel.Range`) cost nothing at run time
// and are not counted; neither are strings handed to load("...") (they fail softly, with
// PropertyNotLoaded on read, not with ApiNotFound).
//
// "Guarded at that call" means, concretely: walking up from the use to the top of the file
// (through enclosing functions, since a callback runs where it was defined), one of
//   - an `if (G)` whose then-branch holds the use, or an `if (!G)` whose else-branch does;
//   - `G ? use : ...`, `G && use`, `!G || use`;
//   - an earlier statement of an enclosing block `if (!G) return|throw ...;` (early exit);
// where G is (a conjunct of) a support check of at least the needed version: a `Support` flag
// (src/adapters/office/support.ts, version from detectSupport's `excelApi("1.x")`), or a direct
// `excelApi("1.x")` or `isSetSupported("ExcelApi", "1.x")` call.

import fs from "fs";
import path from "path";
import ts from "typescript";

export interface ApiUse {
  file: string;
  line: number;
  /** The source text of the access, e.g. "sheet.showGridlines". */
  text: string;
  /** "Excel.Worksheet.showGridlines" */
  member: string;
  /** The requirement set it needs: "1.8", or a non-numbered set such as "ExcelApiOnline 1.1". */
  needs: string;
  /** The version the enclosing guard ensures, "" when unguarded. */
  guardedBy: string;
}

export function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 !== b1 ? a1 - b1 : a2 - b2;
}

/** The ExcelApi MinVersion a manifest asks for. */
export function manifestMinimum(xml: string): string {
  const m = /<Set\s+Name="ExcelApi"\s+MinVersion="(\d+\.\d+)"\s*\/>/.exec(xml);
  if (!m) throw new Error("manifest: no <Set Name=\"ExcelApi\" MinVersion=...>");
  return m[1];
}

const ANNOTATION = /\[Api set: (ExcelApi(?:Online|Desktop)?|ExcelApi BETA) ?([\d.]*)([^\]]*)\]/;

/**
 * The Excel requirement set written on a declaration (or on its containing class / interface /
 * enum). "ExcelApi 1.1 for get, 1.8 for set" gives 1.8 when the use assigns the property.
 */
function apiSetOf(decl: ts.Node, isWrite: boolean): string | undefined {
  for (let n: ts.Node | undefined = decl; n && !ts.isSourceFile(n) && !ts.isModuleDeclaration(n); n = n.parent) {
    const sf = n.getSourceFile();
    const ranges = ts.getLeadingCommentRanges(sf.text, n.getFullStart()) ?? [];
    for (const r of ranges) {
      const m = ANNOTATION.exec(sf.text.slice(r.pos, r.end));
      if (!m) continue;
      if (m[1] !== "ExcelApi" || !m[2]) return `${m[1]} ${m[2]}`.trim();
      const forSet = /(\d+\.\d+) for set/.exec(m[3]);
      return isWrite && forSet ? forSet[1] : m[2];
    }
  }
  return undefined;
}

function isOfficeTypings(sf: ts.SourceFile): boolean {
  return /[\\/]@types[\\/]office-js[\\/]/.test(sf.fileName);
}

/** Support flag -> the version detectSupport() gives it: `settings: excelApi("1.4")` -> settings: "1.4". */
export function supportVersions(supportSource: string): Map<string, string> {
  const sf = ts.createSourceFile("support.ts", supportSource, ts.ScriptTarget.ES2022, true);
  const out = new Map<string, string>();
  const visit = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name?.text === "detectSupport") {
      n.forEachChild(function find(c: ts.Node): void {
        if (ts.isPropertyAssignment(c) && ts.isCallExpression(c.initializer) && c.initializer.expression.getText(sf) === "excelApi") {
          const arg = c.initializer.arguments[0];
          if (arg && ts.isStringLiteral(arg)) out.set(c.name.getText(sf), arg.text);
        }
        c.forEachChild(find);
      });
    }
    n.forEachChild(visit);
  };
  visit(sf);
  return out;
}

export interface CheckOptions {
  /** Files to check (absolute paths). */
  files: string[];
  /** Extra in-memory files (absolute path -> text), e.g. a planted violation. */
  virtual?: Record<string, string>;
  /** src/adapters/office/support.ts, for the flags' versions and to recognise Support flags. */
  supportFile: string;
  tsconfig: string;
}

export function apiUses(opts: CheckOptions): ApiUse[] {
  const cfg = ts.readConfigFile(opts.tsconfig, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(cfg.config, ts.sys, path.dirname(opts.tsconfig));
  const options: ts.CompilerOptions = { ...parsed.options, noEmit: true };
  const host = ts.createCompilerHost(options, true);
  const virtual = new Map(Object.entries(opts.virtual ?? {}).map(([k, v]) => [path.resolve(k), v]));
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, onError, create) => {
    const v = virtual.get(path.resolve(name));
    return v !== undefined ? ts.createSourceFile(name, v, lang, true) : getSourceFile(name, lang, onError, create);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => virtual.has(path.resolve(name)) || fileExists(name);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => virtual.get(path.resolve(name)) ?? readFile(name);
  const roots = [...opts.files, ...virtual.keys()];
  const program = ts.createProgram(roots, options, host);
  const checker = program.getTypeChecker();
  const flags = supportVersions(fs.readFileSync(opts.supportFile, "utf8"));
  const supportPath = path.resolve(opts.supportFile);

  /** The version a condition guarantees when it is true (positive) or false (negative); "" for none. */
  const guarantee = (e: ts.Expression, positive: boolean): string => {
    while (ts.isParenthesizedExpression(e)) e = e.expression;
    if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.ExclamationToken) return guarantee(e.operand, !positive);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if ((op === ts.SyntaxKind.AmpersandAmpersandToken && positive) || (op === ts.SyntaxKind.BarBarToken && !positive)) {
        return maxVersion(guarantee(e.left, positive), guarantee(e.right, positive));
      }
      return "";
    }
    if (!positive) return "";
    if (ts.isPropertyAccessExpression(e)) {
      const v = flags.get(e.name.text);
      const decl = checker.getSymbolAtLocation(e.name)?.declarations?.[0];
      if (v && decl && path.resolve(decl.getSourceFile().fileName) === supportPath) return v;
      return "";
    }
    if (ts.isCallExpression(e)) {
      const callee = e.expression.getText();
      const lit = e.arguments.map((a) => (ts.isStringLiteral(a) ? a.text : undefined));
      if (/(^|\.)excelApi$/.test(callee) && lit[0]) return lit[0];
      if (/(^|\.)isSetSupported$/.test(callee) && lit[0] === "ExcelApi" && lit[1]) return lit[1];
    }
    return "";
  };

  const exits = (s: ts.Statement): boolean => {
    if (ts.isReturnStatement(s) || ts.isThrowStatement(s)) return true;
    if (ts.isBlock(s)) return s.statements.length > 0 && exits(s.statements[s.statements.length - 1]);
    return false;
  };

  const guardOf = (node: ts.Node): string => {
    let best = "";
    for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
      let g = "";
      if (ts.isIfStatement(parent)) {
        if (child === parent.thenStatement) g = guarantee(parent.expression, true);
        else if (child === parent.elseStatement) g = guarantee(parent.expression, false);
      } else if (ts.isConditionalExpression(parent)) {
        if (child === parent.whenTrue) g = guarantee(parent.condition, true);
        else if (child === parent.whenFalse) g = guarantee(parent.condition, false);
      } else if (ts.isBinaryExpression(parent) && child === parent.right) {
        if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) g = guarantee(parent.left, true);
        if (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken) g = guarantee(parent.left, false);
      } else if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
        for (const s of parent.statements) {
          if (s === child) break;
          if (ts.isIfStatement(s) && !s.elseStatement && exits(s.thenStatement)) g = maxVersion(g, guarantee(s.expression, false));
        }
      }
      best = maxVersion(best, g);
    }
    return best;
  };

  const uses: ApiUse[] = [];
  const wanted = new Set(roots.map((f) => path.resolve(f)));
  for (const sf of program.getSourceFiles()) {
    if (!wanted.has(path.resolve(sf.fileName))) continue;
    const visit = (n: ts.Node): void => {
      if (ts.isPropertyAccessExpression(n)) {
        let decls: readonly ts.Declaration[] = checker.getSymbolAtLocation(n.name)?.declarations ?? [];
        if (ts.isCallExpression(n.parent) && n.parent.expression === n) {
          const sig = checker.getResolvedSignature(n.parent)?.declaration;
          if (sig && !ts.isJSDocSignature(sig)) decls = [sig];
        }
        const office = decls.filter((d) => isOfficeTypings(d.getSourceFile()));
        if (office.length > 0) {
          // several declarations (overloads, merged members): the lowest set any of them needs
          const isWrite = ts.isBinaryExpression(n.parent) && n.parent.left === n && n.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
          const sets = office.map((d) => apiSetOf(d, isWrite)).filter((v): v is string => v !== undefined);
          const needs = sets.sort((a, b) => rank(a) - rank(b))[0];
          if (needs) {
            const d = office[0];
            const owner = d.parent && (ts.isClassDeclaration(d.parent) || ts.isInterfaceDeclaration(d.parent) || ts.isEnumDeclaration(d.parent)) ? d.parent.name?.text : undefined;
            const { line } = sf.getLineAndCharacterOfPosition(n.name.getStart(sf));
            uses.push({
              file: path.relative(process.cwd(), sf.fileName),
              line: line + 1,
              text: n.getText(sf),
              member: `${owner ?? "?"}.${n.name.text}`,
              needs,
              guardedBy: guardOf(n),
            });
          }
        }
      }
      n.forEachChild(visit);
    };
    visit(sf);
  }
  return uses;
}

/** Numbered ExcelApi sets by version; anything else (Online, BETA) after every numbered one. */
function rank(v: string): number {
  const m = /^(\d+)\.(\d+)$/.exec(v);
  return m ? +m[1] * 1000 + +m[2] : 1e9;
}

function maxVersion(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return compareVersions(a, b) >= 0 ? a : b;
}

/** Uses above `minimum` whose guard is missing or too low. */
export function violations(uses: ApiUse[], minimum: string): ApiUse[] {
  return uses.filter((u) => rank(u.needs) > rank(minimum) && (u.guardedBy === "" || rank(u.guardedBy) < rank(u.needs)));
}

/** Every .ts file under a folder. */
export function tsFilesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFilesUnder(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}
