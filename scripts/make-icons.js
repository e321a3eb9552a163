#!/usr/bin/env node
// Draws LossDesk's icons (a falling NAV line with an arrowhead on a blue rounded square) and
// writes them as PNGs under assets/. Plain Node (zlib) so that no image tool or network is
// needed and the files are reproducible: the same script gives the same pixels everywhere.
//
//   node scripts/make-icons.js            write assets/icon-{16,32,64,80}.png
//   node scripts/make-icons.js --check    exit 1 if a committed icon's pixels differ
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
const ASSETS = path.join(__dirname, "..", "assets");

// Fluent's brand blue, as Excel's own ribbon uses; white ink reads on it at 16 px.
const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];

// The NAV line in unit coordinates (y down): flat-ish, a small rally, then the fall.
const LINE = [
  [0.2, 0.3],
  [0.4, 0.42],
  [0.52, 0.34],
  [0.74, 0.68],
];

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inTriangle(px, py, a, b, c) {
  const s = (p, q, r) => (p[0] - r[0]) * (q[1] - r[1]) - (q[0] - r[0]) * (p[1] - r[1]);
  const p = [px, py];
  const d1 = s(p, a, b);
  const d2 = s(p, b, c);
  const d3 = s(p, c, a);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
}

function inRoundedSquare(x, y, r) {
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 && Math.hypot(x - cx, y - cy) <= r;
}

/** RGBA pixels (Uint8Array, rows top to bottom) of the icon at `size` px. */
function renderIcon(size) {
  // Strokes must stay at least 2 px wide or the 16 px icon turns to mush.
  const half = Math.max(0.07, 2 / size) / 2;
  // Arrowhead at the end of the last segment, pointing along it.
  const [p, q] = [LINE[LINE.length - 2], LINE[LINE.length - 1]];
  const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
  const ux = (q[0] - p[0]) / len;
  const uy = (q[1] - p[1]) / len;
  const head = Math.max(0.22, 6 / size);
  const tip = [q[0] + ux * head * 0.6, q[1] + uy * head * 0.6];
  const base = [tip[0] - ux * head, tip[1] - uy * head];
  const wing = head * 0.55;
  const left = [base[0] - uy * wing, base[1] + ux * wing];
  const right = [base[0] + uy * wing, base[1] - ux * wing];

  const SS = 4; // 4 x 4 samples per pixel: anti-aliased edges without a graphics library
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let ink = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const x = (px + (sx + 0.5) / SS) / size;
          const y = (py + (sy + 0.5) / SS) / size;
          if (!inRoundedSquare(x, y, 0.18)) continue;
          bg++;
          let onLine = inTriangle(x, y, tip, left, right);
          for (let i = 1; i < LINE.length && !onLine; i++) {
            onLine = distToSegment(x, y, LINE[i - 1], LINE[i]) <= half;
          }
          if (onLine) ink++;
        }
      }
      const o = (py * size + px) * 4;
      if (bg === 0) continue; // transparent outside the rounded square
      const f = ink / bg; // ink share among the covered samples
      for (let c = 0; c < 3; c++) out[o + c] = Math.round(BLUE[c] * (1 - f) + WHITE[c] * f);
      out[o + 3] = Math.round((255 * bg) / (SS * SS));
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A minimal PNG: 8-bit RGBA, no filtering, no ancillary chunks (no timestamps). */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Pixels of a PNG written by encodePng (RGBA, filter 0 only): enough to compare icons. */
function decodeOwnPng(buf) {
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat = [];
  for (let o = 8; o < buf.length; ) {
    const len = buf.readUInt32BE(o);
    if (buf.toString("ascii", o + 4, o + 8) === "IDAT") idat.push(buf.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    if (raw[y * (width * 4 + 1)] !== 0) throw new Error("unexpected PNG row filter");
    rgba.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return { width, height, rgba };
}

function main(argv) {
  const check = argv.includes("--check");
  let stale = 0;
  for (const size of SIZES) {
    const file = path.join(ASSETS, `icon-${size}.png`);
    const pixels = renderIcon(size);
    if (check) {
      const same =
        fs.existsSync(file) && Buffer.compare(Buffer.from(decodeOwnPng(fs.readFileSync(file)).rgba), Buffer.from(pixels)) === 0;
      if (!same) {
        console.error(`${path.relative(process.cwd(), file)} is missing or stale: run node scripts/make-icons.js`);
        stale++;
      }
    } else {
      fs.mkdirSync(ASSETS, { recursive: true });
      fs.writeFileSync(file, encodePng(size, pixels));
      console.log(`wrote ${path.relative(process.cwd(), file)} (${size} x ${size})`);
    }
  }
  return stale ? 1 : 0;
}

module.exports = { SIZES, renderIcon, encodePng, decodeOwnPng };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
