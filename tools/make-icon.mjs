// Writes images/icon.png (128×128): a hexagon (Cilium's shape) split into a green fast path and an amber
// fallback, drawn pixel by pixel and encoded with node:zlib, so no image tool is needed. `node tools/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const S = 128;
const px = Buffer.alloc(S * (S * 4 + 1));
const inHex = (x, y, r) => {
  const dx = Math.abs(x - S / 2);
  const dy = Math.abs(y - S / 2);
  return dy <= (r * Math.sqrt(3)) / 2 && dx <= r - dy / Math.sqrt(3);
};
for (let y = 0; y < S; y++) {
  px[y * (S * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < S; x++) {
    const o = y * (S * 4 + 1) + 1 + x * 4;
    let c = [0, 0, 0, 0];
    if (inHex(x, y, 60)) c = [31, 41, 55, 255];
    if (inHex(x, y, 48)) c = x + y < S ? [46, 204, 113, 255] : [245, 166, 35, 255];
    if (inHex(x, y, 22)) c = [31, 41, 55, 255];
    px.set(c, o);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(px)),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../images/icon.png', import.meta.url), png);
console.log(`images/icon.png: ${png.length} bytes`);
