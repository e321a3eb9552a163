#!/usr/bin/env node
// The add-in manifest's two build-time helpers, in CommonJS so webpack.config.js can require them:
//
//   rewriteManifestUrls(xml, devBase, prodBase)  the dev base -> the production base, everywhere
//   checkManifest(xml, rootDir)                  an offline check; returns the problems found
//
// `office-addin-manifest validate` needs Microsoft's online service (npm run validate:online);
// this check runs anywhere (CI, this machine) and covers what we get wrong in practice:
// dangling resource ids, icons of the wrong size, URLs on two hosts, localhost left in a
// production manifest, strings over Office's length limits, a missing translation.
//
//   node scripts/manifest.js check [manifest.xml] [--root <dir>] [--production]
//   node scripts/manifest.js rewrite <in.xml> <out.xml> [--prod <url>]   (else LOSSDESK_PROD_URL)
"use strict";

const fs = require("fs");
const path = require("path");
const { XMLParser, XMLValidator } = require("fast-xml-parser");

/** Where `npm start` serves the add-in; manifest.xml is written against it. */
const DEV_BASE = "https://localhost:3000/";
/** Stands in for LOSSDESK_PROD_URL when the check simulates the production rewrite. */
const EXAMPLE_PROD_BASE = "https://lossdesk.example.bank/";

const LIMITS = { short: 125, long: 250 }; // Office's ShortString / LongString maxima
const MAX_RESID = 32; // the schema's limit on resource ids
const LOCALES = ["zh-CN", "en-US"]; // every user-visible text must exist in both
// ExcelApi 1.9: Microsoft 365, Office 2021 and later, Excel on the web and on the Mac meet it; Office
// 2016 and 2019 perpetual (ExcelApi 1.1 / 1.7, add-ins mostly in IE11 or EdgeHTML, which cannot run a React 19
// pane) do not, so Office does not offer them the add-in at all. README: "Office versions".
const MIN_EXCEL_API = "1.9";
const RIBBON_ICON_SIZES = [16, 32, 80]; // Office requires these three for each ribbon Icon
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOPBACK = /localhost|127\.0\.0\.1|\[::1\]/i;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

// ---------------------------------------------------------------------------------------------
// Rewrite

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function escapeXml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]);
}

/** `base` as an absolute URL ending in "/", or an Error that names `what`. */
function normaliseBase(base, what) {
  let url;
  try {
    url = new URL(String(base));
  } catch {
    throw new Error(`${what} is not an absolute URL: "${base}"`);
  }
  if (url.search || url.hash) throw new Error(`${what} must not have a query or fragment: "${base}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Replaces the dev base by the production base at EVERY occurrence (attributes, texts, Override
 * values), also in its bare-origin form without the trailing slash (as an AppDomain would hold
 * it). Scheme and host compare case-insensitively, as URLs do. Throws when prodBase is not an
 * https URL: Office refuses plain http add-ins, better to fail the build than the sideload.
 */
function rewriteManifestUrls(xml, devBase, prodBase) {
  const dev = normaliseBase(devBase, "the dev base URL");
  const prod = normaliseBase(prodBase, "the production base URL (LOSSDESK_PROD_URL)");
  if (!prod.startsWith("https://")) {
    throw new Error(`the production base URL (LOSSDESK_PROD_URL) must be https: "${prodBase}"`);
  }
  // Both end in "/": match the base without it, then require a delimiter so that
  // https://localhost:3000 does not also match inside https://localhost:30001.
  const pattern = new RegExp(`${escapeRegExp(dev.slice(0, -1))}(?=[/"'<\\s]|$)`, "gi");
  const replacement = escapeXml(prod.slice(0, -1));
  return xml.replace(pattern, () => replacement);
}

// ---------------------------------------------------------------------------------------------
// A small element tree over fast-xml-parser's ordered output (it keeps document order and
// repeated siblings, which the plain object form would merge).

function toTree(ordered, parent = null) {
  const nodes = [];
  for (const item of ordered) {
    const tag = Object.keys(item).find((k) => k !== ":@");
    if (tag === undefined || tag === "#text" || tag.startsWith("?")) continue;
    const node = { tag, local: tag.replace(/^.*:/, ""), attrs: item[":@"] || {}, parent, children: [], text: "" };
    node.children = toTree(item[tag], node);
    node.text = item[tag]
      .filter((c) => "#text" in c)
      .map((c) => String(c["#text"]))
      .join("");
    nodes.push(node);
  }
  return nodes;
}

function* walk(node) {
  yield node;
  for (const child of node.children) yield* walk(child);
}

const child = (node, local) => node && node.children.find((c) => c.local === local);
const children = (node, local) => (node ? node.children.filter((c) => c.local === local) : []);

/** How a node is named in messages: `<bt:String id="X">`, `<IconUrl>`. */
function label(node) {
  return node.attrs.id !== undefined ? `<${node.tag} id="${node.attrs.id}">` : `<${node.tag}>`;
}

function pngSize(file) {
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(24);
    fs.readSync(fd, head, 0, 24, 0);
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    if (!head.subarray(0, 8).equals(signature) || head.toString("ascii", 12, 16) !== "IHDR") return null;
    return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
  } finally {
    fs.closeSync(fd);
  }
}

function compareVersions(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] || 0) - (pb[i] || 0);
    if (d !== 0) return d;
  }
  return 0;
}

// ---------------------------------------------------------------------------------------------
// Check

/**
 * Offline problems of an add-in-only XML manifest, as plain sentences ([] = none). `rootDir` is
 * where the base URL's paths live on disk (the repository for manifest.xml, dist/ for a built
 * one): icons are looked up there. `production: true` says the manifest is the built one, which
 * must not mention a loopback host at all; otherwise a loopback base is taken for the dev
 * manifest and checked through the production rewrite.
 */
function checkManifest(xml, rootDir, { production = false } = {}) {
  const problems = [];
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return [`the manifest is not well-formed XML: ${msg} (line ${line}, column ${col})`];
  }
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
  });
  const root = toTree(parser.parse(xml))[0];
  if (!root || root.local !== "OfficeApp") {
    return [`the root element is <${root ? root.tag : ""}>, expected <OfficeApp>`];
  }
  const all = [...walk(root)];

  // Identity and host
  const id = (child(root, "Id") || { text: "" }).text.trim();
  if (!GUID.test(id)) problems.push(`<Id> "${id}" is not a GUID`);
  const hosts = children(child(root, "Hosts"), "Host").map((h) => h.attrs.Name);
  if (!hosts.includes("Workbook")) problems.push(`<Hosts> does not list Excel (<Host Name="Workbook"/>)`);
  const permissions = (child(root, "Permissions") || { text: "" }).text.trim();
  if (permissions !== "ReadWriteDocument") {
    problems.push(`<Permissions> is "${permissions}", expected ReadWriteDocument`);
  }
  const excelSet = children(child(child(root, "Requirements"), "Sets"), "Set").find((s) => s.attrs.Name === "ExcelApi");
  if (!excelSet) {
    problems.push(`<Requirements> has no <Set Name="ExcelApi" MinVersion="${MIN_EXCEL_API}"/>`);
  } else if (compareVersions(excelSet.attrs.MinVersion || "1.1", MIN_EXCEL_API) < 0) {
    problems.push(`requirement set ExcelApi ${excelSet.attrs.MinVersion || "(no MinVersion)"} is below ${MIN_EXCEL_API}`);
  }

  // Texts: both locales present, within Office's lengths
  const defaultLocale = (child(root, "DefaultLocale") || { text: "" }).text.trim();
  if (!defaultLocale) problems.push("<DefaultLocale> is missing");
  const checkTexts = (node, name, limit) => {
    const texts = [[defaultLocale, node.attrs.DefaultValue]];
    for (const o of children(node, "Override")) texts.push([o.attrs.Locale, o.attrs.Value]);
    for (const locale of LOCALES) {
      if (!texts.some(([l, v]) => (l || "").toLowerCase() === locale.toLowerCase() && v)) {
        problems.push(`${name} has no ${locale} text`);
      }
    }
    for (const [locale, value] of texts) {
      const length = [...(value || "")].length; // characters, not UTF-16 units
      if (length > limit) problems.push(`${name} (${locale}) is ${length} characters, over Office's limit of ${limit}`);
    }
  };
  for (const [local, limit] of [["DisplayName", LIMITS.short], ["Description", LIMITS.long]]) {
    const node = child(root, local);
    if (!node) problems.push(`<${local}> is missing`);
    else checkTexts(node, `<${local}>`, limit);
  }

  // Resources: ids unique, short enough, texts checked
  const resources = all.find((n) => n.local === "Resources");
  const kinds = { Images: "bt:Image", Urls: "bt:Url", ShortStrings: "ShortStrings bt:String", LongStrings: "LongStrings bt:String" };
  const resource = new Map(); // id -> { kind, node }
  for (const [collection, kind] of Object.entries(kinds)) {
    for (const node of children(child(resources, collection), collection === "Images" ? "Image" : collection === "Urls" ? "Url" : "String")) {
      const rid = node.attrs.id || "";
      if (resource.has(rid)) problems.push(`resource id "${rid}" is defined twice`);
      if (rid.length > MAX_RESID) problems.push(`resource id "${rid}" is longer than ${MAX_RESID} characters`);
      resource.set(rid, { kind, node });
      if (collection === "ShortStrings" || collection === "LongStrings") {
        checkTexts(node, `${kind} "${rid}"`, collection === "ShortStrings" ? LIMITS.short : LIMITS.long);
      }
    }
  }

  // resid references resolve, to the right kind of resource
  const expectedKind = (node) => {
    if (node.local === "Image") return "bt:Image";
    if (["FunctionFile", "SourceLocation", "LearnMoreUrl", "Url"].includes(node.local)) return "bt:Url";
    if (["Label", "Title", "Tooltip"].includes(node.local)) return "ShortStrings bt:String";
    if (node.local === "Description") return "LongStrings bt:String";
    return null; // an element we do not know: any kind will do
  };
  const expectedIconSize = new Map(); // image resource id -> sizes it is used at
  for (const node of all.filter((n) => n.attrs.resid !== undefined)) {
    const rid = node.attrs.resid;
    const want = expectedKind(node);
    const found = resource.get(rid);
    if (!found) {
      problems.push(`resid "${rid}" on <${node.tag}> does not match any ${want || "resource"} id`);
    } else if (want && found.kind !== want) {
      problems.push(`resid "${rid}" on <${node.tag}> names a ${found.kind}, expected a ${want}`);
    }
    if (node.local === "Image" && node.attrs.size) {
      if (!expectedIconSize.has(rid)) expectedIconSize.set(rid, new Set());
      expectedIconSize.get(rid).add(Number(node.attrs.size));
    }
  }
  for (const icon of all.filter((n) => n.local === "Icon")) {
    const sizes = children(icon, "Image").map((i) => Number(i.attrs.size));
    for (const size of RIBBON_ICON_SIZES) {
      if (!sizes.includes(size)) problems.push(`<Icon> of ${label(icon.parent)} has no ${size} px image`);
    }
  }

  // URLs: https, one base (that of the task pane), icons on disk at the right size
  const source = child(child(root, "DefaultSettings"), "SourceLocation");
  let base = null;
  if (!source || !source.attrs.DefaultValue) {
    problems.push("<DefaultSettings><SourceLocation> is missing");
  } else {
    try {
      base = new URL(".", source.attrs.DefaultValue).href;
    } catch {
      problems.push(`<SourceLocation> "${source.attrs.DefaultValue}" is not a URL`);
    }
  }
  const urls = []; // { where, url, node }
  for (const node of all) {
    for (const [name, value] of Object.entries(node.attrs)) {
      if (name === "xmlns" || name.startsWith("xmlns:") || !URL_LIKE.test(value)) continue;
      const owner = node.local === "Override" ? `${label(node.parent)} (${node.attrs.Locale})` : label(node);
      urls.push({ where: owner, url: value, node: node.local === "Override" ? node.parent : node });
    }
    if (URL_LIKE.test(node.text.trim())) urls.push({ where: label(node), url: node.text.trim(), node });
  }
  for (const { where, url, node } of urls) {
    if (!url.startsWith("https://")) problems.push(`${where}: ${url} is not https`);
    // AppDomains list other origins by definition; everything else is ours, under one base.
    if (base && node.local !== "AppDomain" && !url.startsWith(base)) {
      problems.push(`${where}: ${url} does not start with ${base}, the base of <SourceLocation>`);
    }
  }
  const images = urls.filter(({ node }) => ["IconUrl", "HighResolutionIconUrl", "Image"].includes(node.local));
  for (const { where, url, node } of images) {
    if (!base || !url.startsWith(base)) continue; // already reported
    const rel = decodeURIComponent(url.slice(base.length).replace(/[?#].*$/, ""));
    if (!rel.startsWith("assets/")) {
      problems.push(`${where}: ${url} is not under ${base}assets/`);
      continue;
    }
    const file = path.join(rootDir, ...rel.split("/"));
    if (!fs.existsSync(file)) {
      problems.push(`${where}: ${rel} does not exist`);
      continue;
    }
    const size = pngSize(file);
    if (!size) {
      problems.push(`${where}: ${rel} is not a PNG`);
      continue;
    }
    // Task pane add-ins: IconUrl 32 x 32, HighResolutionIconUrl 64 x 64; ribbon images the size they are used at.
    const want =
      node.local === "IconUrl" ? [32] : node.local === "HighResolutionIconUrl" ? [64] : [...(expectedIconSize.get(node.attrs.id) || [])];
    for (const s of want) {
      if (size.width !== s || size.height !== s) {
        problems.push(`${where}: ${rel} is ${size.width} x ${size.height} pixels, expected ${s} x ${s}`);
      }
    }
  }

  // The production manifest must not point at the developer's machine. A dev manifest is
  // checked through the same rewrite the build does; a built one as it is.
  let shipped = xml;
  let note = "";
  if (base && !production && LOOPBACK.test(new URL(base).hostname)) {
    try {
      shipped = rewriteManifestUrls(xml, base, EXAMPLE_PROD_BASE);
      note = `after rewriting ${base} to ${EXAMPLE_PROD_BASE}, `;
    } catch (err) {
      problems.push(`the production rewrite fails: ${err.message}`);
    }
  }
  shipped.split(/\r?\n/).forEach((line, i) => {
    const m = LOOPBACK.exec(line);
    if (m) problems.push(`${note}"${m[0]}" remains on line ${i + 1}: ${line.trim()}`);
  });

  return problems;
}

// ---------------------------------------------------------------------------------------------
// Command line

function main(argv) {
  const [command, ...rest] = argv;
  const option = (name) => {
    const i = rest.indexOf(name);
    if (i < 0) return undefined;
    const value = rest[i + 1];
    rest.splice(i, 2);
    return value;
  };
  if (command === "check") {
    const root = option("--root");
    const production = rest.includes("--production");
    const file = rest.filter((a) => a !== "--production")[0] || "manifest.xml";
    if (!fs.existsSync(file)) {
      console.error(`${file}: no such file`);
      return 2;
    }
    const problems = checkManifest(fs.readFileSync(file, "utf8"), root || path.dirname(path.resolve(file)), { production });
    for (const p of problems) console.error(`${file}: ${p}`);
    if (problems.length === 0) console.log(`${file}: no problems found (offline check)`);
    return problems.length === 0 ? 0 : 1;
  }
  if (command === "rewrite") {
    const prod = option("--prod") || process.env.LOSSDESK_PROD_URL;
    const [input, output] = rest;
    if (!input || !output || !prod) {
      console.error("usage: node scripts/manifest.js rewrite <in.xml> <out.xml> [--prod <https url>] (or set LOSSDESK_PROD_URL)");
      return 2;
    }
    try {
      fs.writeFileSync(output, rewriteManifestUrls(fs.readFileSync(input, "utf8"), DEV_BASE, prod));
    } catch (err) {
      console.error(err.message);
      return 1;
    }
    console.log(`wrote ${output} for ${normaliseBase(prod, "LOSSDESK_PROD_URL")}`);
    return 0;
  }
  console.error("usage: node scripts/manifest.js check [manifest.xml] [--root <dir>] [--production]\n" +
    "       node scripts/manifest.js rewrite <in.xml> <out.xml> [--prod <https url>]");
  return 2;
}

module.exports = { DEV_BASE, EXAMPLE_PROD_BASE, rewriteManifestUrls, checkManifest };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
