// webpack: the Excel task pane, the ribbon's function file and the browser preview.
//
//   taskpane   src/taskpane/index.tsx  -> taskpane.html   office.js from Microsoft's CDN
//   commands   src/commands/commands.ts -> commands.html  office.js from Microsoft's CDN
//   preview    src/preview/index.tsx   -> preview.html    no office.js, no off-site request at all
//
// `npm run build` (production) prints the gzipped size of each entry's initial JavaScript and
// fails when the task pane's is over INITIAL_BUDGET or when ExcelJS ends up in an initial chunk:
// the pane loads inside Excel on every open, ExcelJS (only the preview writes with it) must stay
// in the chunk that import() fetches on demand.
//
// The output goes to dist/ and dist/ holds nothing else (the CLI's tsc output is in build/cli):
// `output.clean` empties it first, so dist/ is exactly what is deployed.
"use strict";

const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { rewriteManifestUrls } = require("./scripts/manifest");

const ROOT = __dirname;
const DIST = path.join(ROOT, "dist");
const DEV_BASE = "https://localhost:3000/";
const DEV_PORT = 3000;
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/**
 * Gzipped initial JavaScript of the task pane, in bytes. 400 KB until session 7, when the
 * compliance check's model and round 11's rules took it to 403 KB; session 8 moved the compliance
 * check (rules, model, opencc's dictionary) and what needs it (drafts, outputs, the live event)
 * behind import(), which took the initial chunks from 403 KB to 252 KB.
 */
const INITIAL_BUDGET = 300 * 1024;
/**
 * Modules that must never be in an entry's initial chunks (they are loaded with import()): ExcelJS,
 * and the compliance check with opencc's dictionary (App.tsx loads them when a workbook is analysed).
 */
const LAZY_ONLY = [/[\\/]node_modules[\\/]exceljs[\\/]/, /[\\/]node_modules[\\/]opencc-js[\\/]/, /[\\/]src[\\/]core[\\/]compliance(?:-en|-model)?\.(?:ts|json)$/];

const ENTRIES = {
  taskpane: { entry: "src/taskpane/index.tsx", template: "src/taskpane/taskpane.html", officeJs: true },
  commands: { entry: "src/commands/commands.ts", template: "src/commands/commands.html", officeJs: true },
  preview: { entry: "src/preview/index.tsx", template: "src/preview/preview.html", officeJs: false },
};

/** Used when an entry has no HTML template of its own: the page needs only a mount point. */
function defaultPage(name, officeJs) {
  const office = officeJs ? `\n    <script type="text/javascript" src="${OFFICE_JS}"></script>` : "";
  return `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>LossDesk</title>${office}
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;
}

/** Where taskpane.html takes the engine check (src/taskpane/engine-check.js), inline. */
const ENGINE_CHECK_MARK = "<!-- lossdesk:engine-check -->";

/**
 * The task pane's HTML with the engine check inline, ahead of every script: it must run before
 * the bundle (which an old engine cannot even parse) and without a request of its own.
 */
function taskpaneHtml() {
  const html = fs.readFileSync(path.join(ROOT, "src/taskpane/taskpane.html"), "utf8");
  const check = fs.readFileSync(path.join(ROOT, "src/taskpane/engine-check.js"), "utf8");
  if (!html.includes(ENGINE_CHECK_MARK)) throw new Error(`webpack: src/taskpane/taskpane.html lacks ${ENGINE_CHECK_MARK}`);
  if (check.includes("</script")) throw new Error("webpack: engine-check.js must not contain </script");
  return html.replace(ENGINE_CHECK_MARK, () => `<script>
${check}</script>`);
}

/**
 * Dev server transport. Office needs https on localhost with a trusted certificate; Chromium on
 * Linux ignores the system CA store and Excel cannot sideload there, so Linux (and tests) use
 * plain http on 127.0.0.1. LOSSDESK_HTTPS=1 / 0 (or `--env https`) overrides the platform default;
 * scripts/start.js may also pass --server-type and friends, which win over this.
 */
function devServerTransport(env) {
  const flag = process.env.LOSSDESK_HTTPS;
  const https = env.https ? true : flag === "1" ? true : flag === "0" ? false : process.platform !== "linux";
  // the object form: webpack-cli refuses to merge start.js's --server-type flag into a plain string
  if (!https) return { host: "127.0.0.1", server: { type: "http" } };
  // office-addin-dev-certs' getHttpsServerOptions() fails on Linux; its files are read directly.
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const options = {};
  for (const [k, f] of Object.entries(files)) {
    const p = path.join(dir, f);
    if (!fs.existsSync(p)) {
      throw new Error(`https dev server: ${p} is missing. Run \`npx office-addin-dev-certs install\` first (or set LOSSDESK_HTTPS=0 for plain http).`);
    }
    options[k] = fs.readFileSync(p);
  }
  return { host: "localhost", server: { type: "https", options } };
}

/** Prints each entry's initial JS (gzipped) and enforces the task pane's budget and LAZY_ONLY. */
class InitialSizePlugin {
  constructor({ budgetEntry, budget, enforce }) {
    this.budgetEntry = budgetEntry;
    this.budget = budget;
    // Only a production build is minified, so only there do the sizes mean anything.
    this.enforce = enforce;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("InitialSizePlugin", (compilation) => {
      // Before terser (OPTIMIZE_SIZE): the ExcelJS chunk is a pre-minified file; mark it so.
      compilation.hooks.processAssets.tap({ name: "InitialSizePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE }, () => {
        for (const chunk of compilation.chunks) {
          if (chunk.name !== "exceljs") continue;
          for (const file of chunk.files) if (file.endsWith(".js")) compilation.updateAsset(file, (source) => source, { minimized: true });
        }
      });
      // REPORT runs after minification (OPTIMIZE_SIZE), so the sizes are what ships.
      compilation.hooks.processAssets.tap({ name: "InitialSizePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const lines = [];
        const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
        for (const [name, entrypoint] of compilation.entrypoints) {
          let raw = 0;
          let gz = 0;
          for (const file of entrypoint.getFiles()) {
            if (!file.endsWith(".js")) continue;
            const asset = compilation.getAsset(file);
            if (!asset) continue;
            const buf = asset.source.buffer();
            raw += buf.length;
            gz += zlib.gzipSync(buf, { level: 9 }).length;
          }
          lines.push(`  ${name.padEnd(9)} ${kb(gz).padStart(10)} gzipped  (${kb(raw)}${this.enforce ? " minified" : ", development build"})`);
          if (name === this.budgetEntry && this.enforce && gz > this.budget) {
            compilation.errors.push(new webpack.WebpackError(`the ${name} entry's initial JavaScript is ${kb(gz)} gzipped, over the ${kb(this.budget)} budget`));
          }
          for (const chunk of entrypoint.chunks) {
            for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
              // a concatenated module holds several: check each
              const resources = (module.modules ?? [module]).map((m) => m.resource || "");
              const bad = resources.find((r) => LAZY_ONLY.some((re) => re.test(r)));
              if (bad) {
                compilation.errors.push(new webpack.WebpackError(`${path.relative(ROOT, bad)} is in the ${name} entry's initial chunk; it must only be loaded with import()`));
                break;
              }
            }
          }
        }
        let lazy = 0;
        for (const chunk of compilation.chunks) {
          if (chunk.canBeInitial()) continue;
          for (const file of chunk.files) if (file.endsWith(".js")) lazy += zlib.gzipSync(compilation.getAsset(file).source.buffer(), { level: 9 }).length;
        }
        lines.push(`  ${"lazy".padEnd(9)} ${kb(lazy).padStart(10)} gzipped  (all import() chunks: the compliance check and what needs it, the preview's grafting writer)`);
        // Printed from the compiler process: webpack-cli's summary does not gzip.
        console.log(`Initial JavaScript per entry (budget for ${this.budgetEntry}: ${kb(this.budget)} gzipped):\n${lines.join("\n")}`);
      });
    });
  }
}

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || process.env.NODE_ENV || "development";
  const prod = mode === "production";
  const serving = Boolean(process.env.WEBPACK_SERVE);

  // `--env entries=preview` builds a subset (the end-to-end test needs only the preview).
  const only = env.entries ? new Set(String(env.entries).split(",")) : undefined;
  const entry = {};
  const pages = [];
  for (const [name, e] of Object.entries(ENTRIES)) {
    if (only && !only.has(name)) continue;
    if (!fs.existsSync(path.join(ROOT, e.entry))) {
      // While the add-in is being put together an entry may not exist yet; say so rather than
      // fail the other pages. A production build needs all of them.
      if (prod) throw new Error(`webpack: ${e.entry} is missing`);
      console.warn(`webpack: ${e.entry} is missing; skipping the ${name} page`);
      continue;
    }
    entry[name] = `./${e.entry}`;
    const template = path.join(ROOT, e.template);
    pages.push(
      new HtmlWebpackPlugin({
        filename: `${name}.html`,
        chunks: [name],
        ...(name === "taskpane"
          ? { templateContent: taskpaneHtml() }
          : fs.existsSync(template) ? { template } : { templateContent: defaultPage(name, e.officeJs) }),
      }),
    );
  }

  const copy = [
    { from: "assets", to: "assets", info: { minimized: true } },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      info: { minimized: true },
      // The dev manifest points at https://localhost:3000/; a production build points it at the
      // deployment (LOSSDESK_PROD_URL), everywhere it occurs.
      transform: prod
        ? (content) => rewriteManifestUrls(content.toString("utf8"), DEV_BASE, process.env.LOSSDESK_PROD_URL || DEV_BASE)
        : undefined,
    },
  ].filter((p) => fs.existsSync(path.join(ROOT, p.from)));

  const config = {
    mode,
    context: ROOT,
    entry,
    devtool: prod ? "source-map" : "eval-cheap-module-source-map",
    output: {
      path: DIST,
      // Content hashes in production: the CDN-style cache of Office's web view then never serves a
      // stale pane after a deployment. The HTML pages themselves are not hashed (the manifest names them).
      filename: prod ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: prod ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".mjs", ".js", ".json"],
      alias: {
        // ExcelJS's browser build: its Node entry needs streams, fs and zlib polyfills.
        exceljs$: path.join(ROOT, "node_modules/exceljs/dist/exceljs.min.js"),
      },
      // Node built-ins that shared adapter modules import for their Node-only functions
      // (write.ts: fs/path for files; zip.ts: zlib for the CLI's inflater). The browser code never
      // calls those functions, so the modules resolve to nothing instead of to polyfills.
      fallback: { fs: false, path: false, zlib: false, os: false, stream: false, crypto: false },
    },
    module: {
      // The ExcelJS browser build is one pre-bundled file: nothing inside it for webpack to resolve.
      noParse: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]/,
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`; the bundle only needs the JavaScript.
              transpileOnly: true,
              configFile: path.join(ROOT, "tsconfig.json"),
              compilerOptions: {
                // ES modules, so that import() becomes a lazily loaded chunk (CommonJS output would
                // turn it into a require() and pull ExcelJS into the initial bundle) and so that
                // unused exports can be dropped.
                module: "esnext",
                moduleResolution: "node",
                // Edge WebView2 and Safari 14+ (Office on Windows and Mac); no newer syntax needed.
                target: "es2020",
                sourceMap: true,
              },
            },
          },
        },
        { test: /\.(png|svg|jpe?g|gif)$/i, type: "asset/resource" },
        { test: /\.css$/i, type: "asset/source" },
      ],
    },
    plugins: [
      ...pages,
      ...(copy.length ? [new CopyWebpackPlugin({ patterns: copy })] : []),
      new InitialSizePlugin({ budgetEntry: "taskpane", budget: INITIAL_BUDGET, enforce: prod }),
    ],
    // Our own budget above measures what matters (gzipped, per entry); webpack's hints would only
    // complain about the lazily loaded ExcelJS chunk.
    performance: { hints: false },
    optimization: {
      // One runtime per page: the three pages are loaded separately, never together.
      runtimeChunk: false,
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          // ExcelJS's browser build in a chunk of its own, named so the plugin below can skip
          // re-minifying a file that ships minified (terser on it was most of the build time).
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]dist[\\/]/, name: "exceljs", chunks: "async", enforce: true, priority: 20 },
        },
      },
    },
    stats: prod ? "normal" : "minimal",
  };

  if (serving) {
    const t = devServerTransport(env);
    config.devServer = {
      host: t.host,
      port: DEV_PORT,
      server: t.server,
      // Office loads the pages from the manifest's URLs; let it fetch from any of its web views.
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      liveReload: true,
      client: { overlay: { errors: true, warnings: false } },
      devMiddleware: { writeToDisk: false },
    };
  }
  return config;
};

module.exports.taskpaneHtml = taskpaneHtml;
