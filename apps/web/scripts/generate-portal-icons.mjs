// Writes the portal's PNG app icons (a white scales-of-justice emblem on the platform blue) using only
// Node's built-in modules, so no image tool is needed. Run: node apps/web/scripts/generate-portal-icons.mjs
// The emblem stays inside the central 80 % circle, so the same image serves as a maskable icon.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';

const background = [0x1d, 0x5f, 0xa8];
const foreground = [0xff, 0xff, 0xff];
const outDir = path.resolve(import.meta.dirname, '../public/portal/icons');

function distanceToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function inRect(x, y, x0, y0, x1, y1) {
  return x >= x0 && x <= x1 && y >= y0 && y <= y1;
}

function inPan(x, y, cx) {
  const cy = 0.57;
  const onBowl = y >= cy && Math.hypot(x - cx, y - cy) <= 0.11;
  const onRim = inRect(x, y, cx - 0.11, cy - 0.012, cx + 0.11, cy + 0.004);
  return onBowl || onRim;
}

// Coordinates are fractions of the icon size.
function isEmblem(x, y) {
  const stroke = 0.012;
  return (
    inRect(x, y, 0.485, 0.27, 0.515, 0.72) ||
    Math.hypot(x - 0.5, y - 0.255) <= 0.035 ||
    inRect(x, y, 0.25, 0.325, 0.75, 0.35) ||
    inRect(x, y, 0.37, 0.71, 0.63, 0.745) ||
    inRect(x, y, 0.42, 0.69, 0.58, 0.72) ||
    distanceToSegment(x, y, 0.28, 0.34, 0.18, 0.565) <= stroke ||
    distanceToSegment(x, y, 0.28, 0.34, 0.38, 0.565) <= stroke ||
    distanceToSegment(x, y, 0.72, 0.34, 0.62, 0.565) <= stroke ||
    distanceToSegment(x, y, 0.72, 0.34, 0.82, 0.565) <= stroke ||
    inPan(x, y, 0.28) ||
    inPan(x, y, 0.72)
  );
}

function renderRgb(size) {
  const samples = 4;
  const rowLength = size * 3 + 1;
  const raw = Buffer.alloc(rowLength * size);
  for (let py = 0; py < size; py++) {
    raw[py * rowLength] = 0; // filter type: none
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (isEmblem(x, y)) hits++;
        }
      }
      const coverage = hits / (samples * samples);
      for (let c = 0; c < 3; c++) {
        const value = background[c] + (foreground[c] - background[c]) * coverage;
        raw[py * rowLength + 1 + px * 3 + c] = Math.round(value);
      }
    }
  }
  return raw;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(renderRgb(size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(outDir, { recursive: true });
for (const size of [180, 192, 512]) {
  const file = path.join(outDir, `icon-${size}.png`);
  writeFileSync(file, png(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
