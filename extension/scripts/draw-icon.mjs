// Draws the extension's icons (images/icon.png, images/file-icon.png) with Node built-ins only:
// a shield with a check mark, rasterised with 4x4 supersampling and written as an RGBA PNG.
// Run: node extension/scripts/draw-icon.mjs
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

const here = path.dirname(new URL(import.meta.url).pathname);

/** Inside tests on the unit square [0,1]²; later shapes paint over earlier ones. */
function roundedSquare(x, y, r = 0.18) {
    const cx = Math.min(Math.max(x, r), 1 - r);
    const cy = Math.min(Math.max(y, r), 1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function shield(x, y, inset = 0) {
    const top = 0.17 + inset, left = 0.24 + inset, right = 0.76 - inset, bottom = 0.86 - inset;
    if (y < top || x < left || x > right || y > bottom) return false;
    const mid = 0.5;
    // Straight sides down to 55%, then curves meeting at the bottom point.
    const bend = 0.55;
    if (y <= bend) return true;
    const t = (y - bend) / (bottom - bend);
    const half = (right - left) / 2 * Math.sqrt(Math.max(0, 1 - t * t));
    return Math.abs(x - mid) <= half;
}
function segmentDistance(px, py, ax, ay, bx, by) {
    const dx = bx - ax, dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}
function check(x, y, width = 0.055) {
    return segmentDistance(x, y, 0.36, 0.5, 0.47, 0.62) <= width || segmentDistance(x, y, 0.47, 0.62, 0.66, 0.38) <= width;
}

const BLUE = [31, 78, 140];
const WHITE = [255, 255, 255];
const GOLD = [242, 169, 0];

function colourAt(x, y, withBackground) {
    if (check(x, y)) return GOLD;
    if (shield(x, y, 0.045)) return BLUE;
    if (shield(x, y)) return WHITE;
    if (withBackground && roundedSquare(x, y)) return BLUE;
    return null;
}

function render(size, withBackground) {
    const ss = 4;
    const pixels = Buffer.alloc(size * size * 4);
    for (let py = 0; py < size; py++) {
        for (let px = 0; px < size; px++) {
            let r = 0, g = 0, b = 0, a = 0;
            for (let sy = 0; sy < ss; sy++) {
                for (let sx = 0; sx < ss; sx++) {
                    const c = colourAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, withBackground);
                    if (c) { r += c[0]; g += c[1]; b += c[2]; a += 1; }
                }
            }
            const o = (py * size + px) * 4;
            if (a > 0) {
                pixels[o] = Math.round(r / a); pixels[o + 1] = Math.round(g / a); pixels[o + 2] = Math.round(b / a);
                pixels[o + 3] = Math.round(255 * a / (ss * ss));
            }
        }
    }
    return png(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
});
function crc32(buf) {
    let c = 0xffffffff;
    for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
}
function png(width, height, rgba) {
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0); header.writeUInt32BE(height, 4);
    header[8] = 8; header[9] = 6; // 8 bits per channel, RGBA
    const rows = Buffer.alloc(height * (width * 4 + 1));
    for (let y = 0; y < height; y++) {
        rows[y * (width * 4 + 1)] = 0; // filter: none
        rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
    }
    return Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
    ]);
}

fs.writeFileSync(path.join(here, '..', 'images', 'icon.png'), render(128, true));
fs.writeFileSync(path.join(here, '..', 'images', 'file-icon.png'), render(32, false));
