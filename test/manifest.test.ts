// manifest.xml and its offline check (scripts/manifest.js). `office-addin-manifest validate`
// needs Microsoft's online service, so this is what guards the manifest in CI: the real file
// must pass, and each broken copy must be caught with a message a person can act on.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// CommonJS build scripts (webpack.config.js requires them too); typed here by hand.
const manifest: {
  DEV_BASE: string;
  EXAMPLE_PROD_BASE: string;
  rewriteManifestUrls(xml: string, devBase: string, prodBase: string): string;
  checkManifest(xml: string, rootDir: string, options?: { production?: boolean }): string[];
} = require("../scripts/manifest");
const icons: {
  SIZES: number[];
  renderIcon(size: number): Uint8Array;
  decodeOwnPng(buf: Buffer): { width: number; height: number; rgba: Uint8Array };
} = require("../scripts/make-icons");

const { DEV_BASE, EXAMPLE_PROD_BASE, rewriteManifestUrls, checkManifest } = manifest;
const ROOT = path.join(__dirname, "..");
const XML = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const PROD = "https://lossdesk.example.bank/";
const AFTER_REWRITE = `after rewriting ${DEV_BASE} to ${EXAMPLE_PROD_BASE}, `;

/** The manifest with one exact piece replaced; fails loudly if the piece is gone (no vacuous test). */
function broken(from: string, to: string, xml = XML): string {
  expect(xml.split(from)).toHaveLength(2);
  return xml.replace(from, to);
}

/** 1-based line of the only line containing `needle`. */
function lineOf(xml: string, needle: string): number {
  const lines = xml.split("\n").map((l, i) => [l, i + 1] as const).filter(([l]) => l.includes(needle));
  expect(lines).toHaveLength(1);
  return lines[0][1];
}

const count = (s: string, sub: string) => s.split(sub).length - 1;

describe("manifest.xml", () => {
  test("passes the offline check", () => {
    expect(checkManifest(XML, ROOT)).toEqual([]);
  });

  test("is served from the dev base npm start uses, and keeps its Id", () => {
    expect(XML).toContain(`<SourceLocation DefaultValue="${DEV_BASE}taskpane.html"/>`);
    // Office keys sideloading and settings on the Id: changing it orphans every installation.
    expect(XML).toContain("<Id>667d67d9-ce96-451b-870c-6fdf88556ae7</Id>");
  });

  test("the committed icons are what scripts/make-icons.js draws, at their nominal sizes", () => {
    for (const size of icons.SIZES) {
      const png = icons.decodeOwnPng(fs.readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(Buffer.from(png.rgba).equals(Buffer.from(icons.renderIcon(size)))).toBe(true);
    }
  });
});

describe("rewriteManifestUrls", () => {
  test("rewrites every occurrence of the dev base, and the result passes the check", () => {
    const out = rewriteManifestUrls(XML, DEV_BASE, PROD);
    expect(count(XML, DEV_BASE)).toBeGreaterThan(5);
    expect(count(out, PROD)).toBe(count(XML, DEV_BASE));
    expect(out).not.toMatch(/localhost/i);
    expect(checkManifest(out, ROOT)).toEqual([]);
  });

  test("keeps a path in the production base, accepts it without its slash, escapes it for XML", () => {
    const out = rewriteManifestUrls(XML, DEV_BASE, "https://cdn.bank.example/apps/loss&desk");
    expect(out).toContain('<SourceLocation DefaultValue="https://cdn.bank.example/apps/loss&amp;desk/taskpane.html"/>');
    expect(checkManifest(out, ROOT)).toEqual([]);
  });

  test("rewrites the bare origin and other casings, but not a different port", () => {
    const xml = "<a>https://localhost:3000</a><b u='HTTPS://LocalHost:3000/x'/><c>https://localhost:30001/y</c>";
    expect(rewriteManifestUrls(xml, DEV_BASE, PROD)).toBe(
      "<a>https://lossdesk.example.bank</a><b u='https://lossdesk.example.bank/x'/><c>https://localhost:30001/y</c>",
    );
  });

  test("refuses a production base that is not https", () => {
    expect(() => rewriteManifestUrls(XML, DEV_BASE, "http://lossdesk.example.bank/")).toThrow(
      'the production base URL (LOSSDESK_PROD_URL) must be https: "http://lossdesk.example.bank/"',
    );
    expect(() => rewriteManifestUrls(XML, DEV_BASE, "lossdesk.example.bank")).toThrow(
      'the production base URL (LOSSDESK_PROD_URL) is not an absolute URL: "lossdesk.example.bank"',
    );
  });
});

describe("checkManifest on broken copies", () => {
  test("a dangling resid", () => {
    const xml = broken('<Label resid="Group.Label"/>', '<Label resid="Group.Lable"/>');
    expect(checkManifest(xml, ROOT)).toEqual(['resid "Group.Lable" on <Label> does not match any ShortStrings bt:String id']);
  });

  test("a resid naming the wrong kind of resource", () => {
    const xml = broken('<Label resid="OpenButton.Label"/>', '<Label resid="OpenButton.Tooltip"/>');
    expect(checkManifest(xml, ROOT)).toEqual([
      'resid "OpenButton.Tooltip" on <Label> names a LongStrings bt:String, expected a ShortStrings bt:String',
    ]);
  });

  test("a missing icon file", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "lossdesk-manifest-"));
    try {
      fs.mkdirSync(path.join(root, "assets"));
      for (const size of [16, 32, 64]) {
        fs.copyFileSync(path.join(ROOT, "assets", `icon-${size}.png`), path.join(root, "assets", `icon-${size}.png`));
      }
      expect(checkManifest(XML, root)).toEqual(['<bt:Image id="Icon.80">: assets/icon-80.png does not exist']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  test("an icon of the wrong size", () => {
    const xml = broken(`<bt:Image id="Icon.80" DefaultValue="${DEV_BASE}assets/icon-80.png"/>`, `<bt:Image id="Icon.80" DefaultValue="${DEV_BASE}assets/icon-64.png"/>`);
    expect(checkManifest(xml, ROOT)).toEqual(['<bt:Image id="Icon.80">: assets/icon-64.png is 64 x 64 pixels, expected 80 x 80']);
  });

  test("a ribbon icon set without its 80 px image", () => {
    // The group's own icon set comes first, then the button's.
    expect(count(XML, '<bt:Image size="80" resid="Icon.80"/>')).toBe(2);
    const xml = XML.replace('<bt:Image size="80" resid="Icon.80"/>', "");
    expect(checkManifest(xml, ROOT)).toEqual(['<Icon> of <Group id="LossDesk.Group"> has no 80 px image']);
  });

  test("a URL on another base", () => {
    const xml = broken(`${DEV_BASE}commands.html`, "https://cdn.example.com/commands.html");
    expect(checkManifest(xml, ROOT)).toEqual([
      `<bt:Url id="Commands.Url">: https://cdn.example.com/commands.html does not start with ${DEV_BASE}, the base of <SourceLocation>`,
    ]);
  });

  test("a localhost URL on another port: mixed base, and left behind by the rewrite", () => {
    const from = `<bt:Url id="Help.Url" DefaultValue="${DEV_BASE}assets/help.html"/>`;
    const to = '<bt:Url id="Help.Url" DefaultValue="https://localhost:3001/help.html"/>';
    const xml = broken(from, to);
    expect(checkManifest(xml, ROOT)).toEqual([
      `<bt:Url id="Help.Url">: https://localhost:3001/help.html does not start with ${DEV_BASE}, the base of <SourceLocation>`,
      `${AFTER_REWRITE}"localhost" remains on line ${lineOf(xml, to)}: ${to}`,
    ]);
  });

  test("a leftover localhost outside any URL, after the rewrite", () => {
    const from = '<bt:Override Locale="en-US" Value="LossDesk"/>';
    const to = '<bt:Override Locale="en-US" Value="LossDesk (localhost build)"/>';
    const xml = broken(from, to);
    expect(checkManifest(xml, ROOT)).toEqual([`${AFTER_REWRITE}"localhost" remains on line ${lineOf(xml, to)}: ${to}`]);
  });

  test("plain http", () => {
    const to = '<SupportUrl DefaultValue="http://localhost:3000/help.html"/>';
    const xml = broken(`<SupportUrl DefaultValue="${DEV_BASE}assets/help.html"/>`, to);
    expect(checkManifest(xml, ROOT)).toEqual([
      "<SupportUrl>: http://localhost:3000/help.html is not https",
      `<SupportUrl>: http://localhost:3000/help.html does not start with ${DEV_BASE}, the base of <SourceLocation>`,
      `${AFTER_REWRITE}"localhost" remains on line ${lineOf(xml, to)}: ${to}`,
    ]);
  });

  test("a built manifest that still points at the developer's machine", () => {
    // As webpack would copy it to dist/ with the rewrite forgotten: one problem per URL line.
    const problems = checkManifest(XML, ROOT, { production: true });
    const line = lineOf(XML, "<IconUrl ");
    expect(problems).toContain(`"localhost" remains on line ${line}: <IconUrl DefaultValue="${DEV_BASE}assets/icon-32.png"/>`);
    expect(problems).toHaveLength(count(XML, DEV_BASE));
    expect(checkManifest(rewriteManifestUrls(XML, DEV_BASE, PROD), ROOT, { production: true })).toEqual([]);
  });

  test("not well-formed XML", () => {
    const xml = broken("</bt:ShortStrings>", "");
    expect(checkManifest(xml, ROOT)).toEqual([
      expect.stringMatching(/^the manifest is not well-formed XML: Expected closing tag 'bt:ShortStrings' .*\(line \d+, column \d+\)$/),
    ]);
  });

  test("an Id that is not a GUID", () => {
    const xml = broken("<Id>667d67d9-ce96-451b-870c-6fdf88556ae7</Id>", "<Id>lossdesk</Id>");
    expect(checkManifest(xml, ROOT)).toEqual(['<Id> "lossdesk" is not a GUID']);
  });

  test("a missing translation and a string over Office's limit", () => {
    let xml = broken('<Override Locale="en-US" Value="LossDesk"/>', "");
    const long = "x".repeat(126);
    xml = broken('<bt:Override Locale="en-US" Value="Open LossDesk"/>', `<bt:Override Locale="en-US" Value="${long}"/>`, xml);
    expect(checkManifest(xml, ROOT)).toEqual([
      "<DisplayName> has no en-US text",
      `ShortStrings bt:String "OpenButton.Label" (en-US) is 126 characters, over Office's limit of 125`,
    ]);
  });

  test("a ribbon string without its en-US override", () => {
    const xml = broken('<bt:Override Locale="en-US" Value="Open LossDesk"/>', "");
    expect(checkManifest(xml, ROOT)).toEqual(['ShortStrings bt:String "OpenButton.Label" has no en-US text']);
  });

  test("an ExcelApi requirement below 1.9 (Office 2019 perpetual and older: engines too old for the pane)", () => {
    const xml = broken('<Set Name="ExcelApi" MinVersion="1.9"/>', '<Set Name="ExcelApi" MinVersion="1.8"/>');
    expect(checkManifest(xml, ROOT)).toEqual(["requirement set ExcelApi 1.8 is below 1.9"]);
    expect(checkManifest(broken('MinVersion="1.9"', 'MinVersion="1.12"'), ROOT)).toEqual([]);
  });
});
