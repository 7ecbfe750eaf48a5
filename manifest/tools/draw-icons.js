// Draws the Teams app icons (manifest/color.png, manifest/outline.png): a chat bubble carrying an arrow, "move it
// from a chat". Plain Node, no dependencies, deterministic: `node draw-icons.js` rewrites the same bytes.
//
// Teams' rules (app icon guidelines): the colour icon is 192x192 with the symbol inside the central 96x96 on a solid
// background (the manifest's accentColor); the outline icon is 32x32, white on transparent, without padding.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const accent = [0x0f, 0x6c, 0xbd]; // keep equal to manifest.json's accentColor
const white = [0xff, 0xff, 0xff];
const samples = 8; // 8x8 sub-samples per pixel: smooth edges without a rendering library

// Shapes are predicates over continuous pixel coordinates (x right, y down).
const roundedRect = (x0, y0, x1, y1, r) => (x, y) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
};
const triangle = (a, b, c) => (x, y) => {
  const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b), s2 = side(b, c), s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const union = (...shapes) => (x, y) => shapes.some(s => s(x, y));
const minus = (shape, hole) => (x, y) => shape(x, y) && !hole(x, y);

function coverage(shape, px, py) {
  let inside = 0;
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < samples; j++) {
      if (shape(px + (i + 0.5) / samples, py + (j + 0.5) / samples)) inside++;
    }
  }
  return inside / (samples * samples);
}

// The symbol in a unit box (0..1 both ways), scaled to the canvas by each icon.
function bubble(scale, left, top) {
  const p = (x, y) => [left + x * scale, top + y * scale];
  const body = roundedRect(...p(0, 0.06), ...p(1, 0.8), 0.17 * scale);
  const tail = triangle(p(0.14, 0.74), p(0.42, 0.74), p(0.1, 1));
  return { body, tail, p };
}

function arrow(p) {
  return union(rect(...p(0.2, 0.37), ...p(0.6, 0.49)), triangle(p(0.55, 0.2), p(0.82, 0.43), p(0.55, 0.66)));
}

function colorIcon() {
  const size = 192;
  const { body, tail, p } = bubble(96, 48, 48);
  const symbol = minus(union(body, tail), arrow(p));
  const rgb = Buffer.alloc(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(symbol, x, y);
      for (let c = 0; c < 3; c++) rgb[(y * size + x) * 3 + c] = Math.round(accent[c] * (1 - a) + white[c] * a);
    }
  }
  return png(size, 2, rgb);
}

function outlineIcon() {
  const size = 32;
  const stroke = 2;
  const { body, tail, p } = bubble(30, 1, 1.2); // edges on whole pixels where possible: crisper at 32 px
  const inner = roundedRect(...p(0, 0.06).map(v => v + stroke), ...p(1, 0.8).map(v => v - stroke), 0.17 * 30 - stroke);
  const symbol = union(minus(body, inner), tail, arrow(p));
  const rgba = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Every pixel is white; only its alpha varies, as Teams asks of an outline icon.
      rgba.set([...white, Math.round(255 * coverage(symbol, x, y))], (y * size + x) * 4);
    }
  }
  return png(size, 6, rgba);
}

// PNG: signature, IHDR, one IDAT (filter 0 on every row), IEND. CRC-32 by table: zlib.crc32 is missing before Node 20.15.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, colorType, pixels) {
  const channels = colorType === 6 ? 4 : 3;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, colorType, 0, 0, 0], 8); // 8 bits per channel, deflate, adaptive filtering, no interlace
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), pixels.subarray(y * size * channels, (y + 1) * size * channels));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const target = path.join(__dirname, '..');
fs.writeFileSync(path.join(target, 'color.png'), colorIcon());
fs.writeFileSync(path.join(target, 'outline.png'), outlineIcon());
process.stdout.write(`wrote ${path.join(target, 'color.png')} and outline.png\n`);
