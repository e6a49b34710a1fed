// End-to-end test of the optional basemap: without a basemap file the map has no switch and
// fetches nothing; with one (a tile service on loopback standing in for the bureau's 天地图
// WMTS) the switch is off at first and no tile is fetched, turning it on draws the tiles with
// their attribution (审图号) under the scheme, the choice is remembered after a reload, and
// the content security policy names the tile host and nothing else.
// Run: QUHUA_BIN=/path/to/quhua node --test e2e/basemap.test.mjs

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { ARTIFACTS, loginAs, ready, startDemoServer } from './harness.mjs';

/** A 256×256 PNG of one colour. */
function png(r, g, b) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td) >>> 0);
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0); ihdr.writeUInt32BE(256, 4); ihdr[8] = 8; ihdr[9] = 2;
  const row = Buffer.alloc(1 + 256 * 3);
  for (let x = 0; x < 256; x++) { row[1 + x * 3] = r; row[2 + x * 3] = g; row[3 + x * 3] = b; }
  const raw = Buffer.concat(Array.from({ length: 256 }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

let tiles;
let tileRequests = [];
let plain;
let withBasemap;

before(async () => {
  const tile = png(120, 170, 220);
  tiles = createServer((req, res) => {
    tileRequests.push(req.url);
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' });
    res.end(tile);
  });
  await new Promise((r) => tiles.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${tiles.address().port}`;
  const dir = mkdtempSync(join(tmpdir(), 'quhua-basemap-'));
  const file = join(dir, 'basemap.toml');
  writeFileSync(file, `name = "天地图矢量（测试瓦片）"
name_en = "Tianditu vector (test tiles)"
attribution = "测试瓦片 审图号：GS(0000)0000号"
tiles = ["${origin}/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=TEST"]
`);
  plain = await startDemoServer('basemap-none');
  withBasemap = await startDemoServer('basemap', { args: ['--basemap', file] });
  withBasemap.origin = origin;
});

after(() => { plain?.stop(); withBasemap?.stop(); tiles?.close(); });

test('no basemap file: no switch, nothing fetched', { timeout: 120_000 }, async () => {
  const { page, close } = await loginAs(plain.base, 'quyang');
  try {
    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');
    assert.equal(await page.$('[data-testid=basemap-switch]'), null);
    assert.equal(await page.evaluate(() => window.__quhua.map.map.getLayer('basemap') ?? null), null);
    const csp = (await page.request.get(`${plain.base}/`)).headers()['content-security-policy'];
    assert.match(csp, /connect-src 'self';/);
    assert.match(csp, /img-src 'self' data: blob:;/);
  } finally {
    await close();
  }
});

test('a configured basemap: off at first, drawn when turned on, remembered, in the policy', { timeout: 180_000 }, async () => {
  const { page, close } = await loginAs(withBasemap.base, 'quyang', { width: 1400 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const csp = (await page.request.get(`${withBasemap.base}/`)).headers()['content-security-policy'];
    assert.ok(csp.includes(`img-src 'self' data: blob: ${withBasemap.origin};`), csp);
    assert.ok(csp.includes(`connect-src 'self' ${withBasemap.origin};`), csp);

    await page.click('[data-testid=county-130634]');
    await ready(page, 'county');
    assert.match(await page.textContent('[data-testid=basemap-switch]'), /底图：天地图矢量（测试瓦片）/);
    assert.equal(await page.isChecked('[data-testid=basemap]'), false, 'off until turned on');
    assert.equal(await page.evaluate(() => window.__quhua.map.map.getLayoutProperty('basemap', 'visibility')), 'none');
    assert.equal(tileRequests.length, 0, 'no tile fetched while off');

    await page.check('[data-testid=basemap]');
    await page.waitForFunction(() => window.__quhua.map.map.getLayoutProperty('basemap', 'visibility') === 'visible');
    await page.waitForFunction(() => window.__quhua.map.map.areTilesLoaded());
    assert.ok(tileRequests.length > 0, 'tiles fetched');
    assert.ok(tileRequests.every((u) => /TILEMATRIX=\d+&TILEROW=\d+&TILECOL=\d+&tk=TEST$/.test(u)), tileRequests.join('\n'));
    assert.match(await page.textContent('.maplibregl-ctrl-attrib'), /审图号：GS\(0000\)0000号/);
    assert.equal(await page.evaluate(() => window.__quhua.map.map.getPaintProperty('villages-fill', 'fill-opacity')), 0.55);
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(ARTIFACTS, 'basemap-zh.png') });

    // Remembered in this browser, and in English.
    await page.evaluate(() => localStorage.setItem('quhua.lang', 'en'));
    await page.reload();
    await ready(page, 'county');
    assert.equal(await page.isChecked('[data-testid=basemap]'), true);
    assert.match(await page.textContent('[data-testid=basemap-switch]'), /Basemap: Tianditu vector \(test tiles\)/);
    await page.screenshot({ path: join(ARTIFACTS, 'basemap-en.png') });
    // Off again: hidden, the villages opaque as without it.
    await page.uncheck('[data-testid=basemap]');
    await page.waitForFunction(() => window.__quhua.map.map.getLayoutProperty('basemap', 'visibility') === 'none');
    assert.equal(await page.evaluate(() => window.__quhua.map.map.getPaintProperty('villages-fill', 'fill-opacity')), 0.85);
    assert.deepEqual(errors, []);
  } finally {
    await close();
  }
});
