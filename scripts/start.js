#!/usr/bin/env node
// `npm start`: serve the add-in and put it in front of the developer.
//
//   Windows / macOS  dev certificates -> webpack dev server on https://localhost:3000 ->
//                    sideload manifest.xml into desktop Excel (office-addin-debugging).
//   Linux            Excel cannot sideload here (office-addin-debugging refuses the platform and
//                    Excel on the web needs a document URL and a Microsoft 365 sign-in), so serve
//                    the browser preview over plain http on 127.0.0.1 instead.
//
// Ctrl-C stops the dev server (and, on Windows/macOS, removes the sideloaded add-in).
// Host, port and protocol are passed to `webpack serve` as flags, so webpack.config.js needs no
// certificate handling of its own and the Linux path never touches office-addin-dev-certs.
"use strict";

const { spawn } = require("child_process");
const http = require("http");
const net = require("net");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const DEV_PORT = 3000; // manifest.xml's URLs are https://localhost:3000/...

let server = null; // the dev server child, stopped on every way out

function portOpen(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(1000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `webpack serve` as a direct child: node running webpack's own bin, which loads webpack-cli in
 * the same process. Through npx or the .bin shim the real server would be a grandchild that
 * survives when we stop our child (toolchain pitfall 10).
 */
function startDevServer(flags) {
  const webpackBin = require.resolve("webpack/bin/webpack.js", { paths: [ROOT] });
  server = spawn(process.execPath, [webpackBin, "serve", "--mode", "development", "--no-open", ...flags], {
    cwd: ROOT,
    stdio: "inherit",
  });
  return server;
}

/** Resolves once host:port accepts connections; rejects if the server child exits first. */
async function waitForServer(child, host, port) {
  let exited = null;
  child.once("exit", (code, signal) => (exited = { code, signal }));
  for (;;) {
    if (exited) throw Object.assign(new Error("the dev server stopped"), { exitCode: exited.code ?? 1 });
    if (await portOpen(host, port)) return;
    await sleep(300);
  }
}

/** HTTP status of a GET; webpack-dev-middleware holds the answer until the first build is done. */
function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => (res.resume(), resolve(res.statusCode)));
    req.once("error", () => resolve(0));
  });
}

/** Ctrl-C / SIGTERM: stop the server child once, run `cleanup`, exit. */
function stopOnSignal(child, cleanup = async () => {}) {
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // The terminal's Ctrl-C reaches the child too; this covers a SIGTERM sent to us alone.
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await cleanup();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // A server that dies on its own (build config error, port taken) ends `npm start` with it.
  child.on("exit", (code) => {
    if (!stopping) process.exit(code ?? 1);
  });
}

async function startLinuxPreview() {
  console.log("Excel cannot sideload add-ins on Linux; serving the browser preview instead.");
  // LOSSDESK_PREVIEW_PORT lets a second checkout or a test run beside a running `npm start`.
  const port = Number(process.env.LOSSDESK_PREVIEW_PORT) || DEV_PORT;
  const host = "127.0.0.1"; // plain http on loopback: Chromium on Linux ignores the dev CA anyway
  if (await portOpen(host, port)) {
    console.error(`Port ${port} on ${host} is already in use (another npm start?). Stop it, or set LOSSDESK_PREVIEW_PORT.`);
    return 1;
  }
  const child = startDevServer(["--host", host, "--port", String(port), "--server-type", "http"]);
  stopOnSignal(child);
  await waitForServer(child, host, port);
  const url = `http://${host}:${port}/preview.html`;
  const status = await httpStatus(url);
  if (status !== 200) console.error(`Warning: ${url} answered HTTP ${status || "nothing"}; check webpack.config.js.`);
  console.log(`LossDesk preview: ${url}`);
  return null; // keep running until Ctrl-C
}

async function startSideload() {
  const host = "localhost";
  if (await portOpen(host, DEV_PORT)) {
    console.error(`Port ${DEV_PORT} is already in use (another npm start?). Stop it first: the manifest points at https://localhost:${DEV_PORT}/.`);
    return 1;
  }
  // Creates a CA and a localhost certificate under ~/.office-addin-dev-certs and trusts the CA
  // (Windows: a confirmation dialog; macOS: the keychain password). Office refuses plain http.
  const devCerts = require("office-addin-dev-certs");
  const certs = require("office-addin-dev-certs/lib/defaults");
  await devCerts.ensureCertificatesAreInstalled();

  const child = startDevServer([
    "--host", host,
    "--port", String(DEV_PORT),
    "--server-type", "https",
    "--server-options-key", certs.localhostKeyPath,
    "--server-options-cert", certs.localhostCertificatePath,
    "--server-options-ca", certs.caCertificatePath,
  ]);
  const debugging = require("office-addin-debugging");
  stopOnSignal(child, async () => {
    try {
      await debugging.stopDebugging(MANIFEST); // unregisters the sideloaded manifest
    } catch (err) {
      console.error(`Could not remove the sideloaded add-in: ${err.message}`);
    }
  });
  await waitForServer(child, host, DEV_PORT);
  // No devServerCommandLine: the server is already ours; startDebugging only sideloads and opens Excel.
  await debugging.startDebugging(MANIFEST, { appType: debugging.AppType.Desktop });
  console.log(`LossDesk is sideloaded from https://${host}:${DEV_PORT}/. Ctrl-C stops the server and removes it.`);
  return null;
}

async function main() {
  try {
    const code = process.platform === "linux" ? await startLinuxPreview() : await startSideload();
    if (code !== null) process.exit(code);
  } catch (err) {
    // Plain sentences for people, not stack traces; webpack has already printed its own errors.
    if (err.exitCode === undefined) console.error(`npm start failed: ${err.message}`);
    // A child outlives process.exit: stop the server rather than leave port 3000 taken.
    if (server && server.exitCode === null && server.signalCode === null) server.kill("SIGTERM");
    process.exit(err.exitCode ?? 1);
  }
}

main();
