'use strict';
// sharp (libvips through a C++ addon, both prebuilt npm packages): encode raw
// pixels to PNG, read metadata, resize (async work on libuv's pool), JPEG,
// stats, and an error from a bad input.
const sharp = require('sharp');
(async () => {
  const w = 64, h = 48;
  const raw = Buffer.alloc(w * h * 3);
  for (let i = 0; i < w * h; i++) { raw[i * 3] = i % 256; raw[i * 3 + 1] = (i >> 3) % 256; raw[i * 3 + 2] = 128; }
  const png = await sharp(raw, { raw: { width: w, height: h, channels: 3 } }).png().toBuffer();
  const meta = await sharp(png).metadata();
  console.log(meta.format, meta.width, meta.height, meta.channels);
  const { data, info } = await sharp(png).resize(16, 12).raw().toBuffer({ resolveWithObject: true });
  console.log(info.width, info.height, info.channels, data.length, data.subarray(0, 12).join(','));
  const jpg = await sharp(png).resize({ width: 32 }).jpeg({ quality: 80 }).toBuffer();
  console.log((await sharp(jpg).metadata()).width, (await sharp(jpg).stats()).channels.length);
  console.log(typeof sharp.versions.vips, sharp.format.png.id);
  try { await sharp(Buffer.from('nope')).metadata(); } catch (e) { console.log('err', e.message); }
})().catch((e) => { console.error('FAIL', e); process.exitCode = 1; });
