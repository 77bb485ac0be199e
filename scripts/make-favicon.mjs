// Writes app/favicon.ico: the SortRoom mark (two cards leaning into two columns, as in
// app/_ui/participant-brand.tsx) at 16, 32 and 48 px, drawn here so no image tool or CDN is
// needed. Run: node scripts/make-favicon.mjs
import fs from "node:fs";

const CARDS = [
  { x: 3, y: 6, w: 12, h: 20, r: 3, angle: -8, cx: 9, cy: 16, rgb: [0x1f, 0x5f, 0xbf] },
  { x: 17, y: 6, w: 12, h: 20, r: 3, angle: 8, cx: 23, cy: 16, rgb: [0xa8, 0x52, 0x00] },
];

/** Inside a rounded rectangle rotated by `angle` degrees about (cx, cy)? In the 32-unit box. */
function inside(card, px, py) {
  const a = (-card.angle * Math.PI) / 180;
  const dx = px - card.cx;
  const dy = py - card.cy;
  const x = card.cx + dx * Math.cos(a) - dy * Math.sin(a);
  const y = card.cy + dx * Math.sin(a) + dy * Math.cos(a);
  const qx = Math.max(card.x + card.r - x, 0, x - (card.x + card.w - card.r));
  const qy = Math.max(card.y + card.r - y, 0, y - (card.y + card.h - card.r));
  return x >= card.x && x <= card.x + card.w && y >= card.y && y <= card.y + card.h && qx * qx + qy * qy <= card.r * card.r;
}

/** One icon image: BITMAPINFOHEADER + bottom-up BGRA pixels (4×4 supersampled) + AND mask. */
function bitmap(size) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      let hits = 0;
      const sum = [0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const px = ((col + (sx + 0.5) / S) * 32) / size;
          const py = ((row + (sy + 0.5) / S) * 32) / size;
          const card = CARDS.find((c) => inside(c, px, py));
          if (!card) continue;
          hits++;
          for (let i = 0; i < 3; i++) sum[i] += card.rgb[i];
        }
      }
      const at = ((size - 1 - row) * size + col) * 4;
      if (hits === 0) continue;
      pixels[at] = Math.round(sum[2] / hits);
      pixels[at + 1] = Math.round(sum[1] / hits);
      pixels[at + 2] = Math.round(sum[0] / hits);
      pixels[at + 3] = Math.round((255 * hits) / (S * S));
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

const sizes = [16, 32, 48];
const images = sizes.map(bitmap);
const dir = Buffer.alloc(6);
dir.writeUInt16LE(1, 2);
dir.writeUInt16LE(sizes.length, 4);
let offset = 6 + 16 * sizes.length;
const entries = sizes.map((size, i) => {
  const e = Buffer.alloc(16);
  e.writeUInt8(size, 0);
  e.writeUInt8(size, 1);
  e.writeUInt16LE(1, 4);
  e.writeUInt16LE(32, 6);
  e.writeUInt32LE(images[i].length, 8);
  e.writeUInt32LE(offset, 12);
  offset += images[i].length;
  return e;
});
fs.writeFileSync(new URL("../app/favicon.ico", import.meta.url), Buffer.concat([dir, ...entries, ...images]));
