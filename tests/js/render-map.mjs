// Renders balise's style in Debian's Chromium with MapLibre GL JS from node_modules, and
// prints what the map shows as JSON on stdout. The Rust test `tests/browser.rs` runs it
// against a live balise and judges the result.
//
// Usage: node tests/js/render-map.mjs BASE_URL
//
// The page is served under BASE_URL/__render/ by Playwright's request interception, so it
// has the same origin as the server and nothing else is listening.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = process.argv[2];
if (!base) {
  console.error('usage: render-map.mjs BASE_URL');
  process.exit(2);
}
const dist = fileURLToPath(new URL('../../node_modules/maplibre-gl/dist/', import.meta.url));
const executablePath = process.env.BALISE_CHROMIUM || '/usr/bin/chromium';

const page_html = `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>rendu</title>
<link rel="stylesheet" href="maplibre-gl.css">
<style>html,body,#map{margin:0;width:800px;height:600px}</style></head>
<body><div id="map"></div>
<script type="module">
import { Map } from './maplibre-gl.mjs';
const errors = [];
const map = new Map({
  container: 'map',
  style: '${base}/styles/balise.json',
  bounds: [[3.97, 50.55], [4.24, 50.63]],
  canvasContextAttributes: { preserveDrawingBuffer: true },
  fadeDuration: 0,
});
map.on('error', (e) => errors.push(String(e.error && e.error.message || e.error || e)));
map.on('styleimagemissing', (e) => errors.push('missing image ' + e.id));
// each view: the whole territory, then a town centre close up (icons, badges, labels)
const views = [
  { bounds: [[3.97, 50.55], [4.24, 50.63]] },
  { center: [4.0716, 50.5795], zoom: 15.5 },
];
function snapshot() {
  const features = map.queryRenderedFeatures();
  const layers = {};
  const communes = new Set();
  for (const f of features) {
    layers[f.layer.id] = (layers[f.layer.id] || 0) + 1;
    if (f.properties.commune) communes.add(f.properties.commune);
  }
  const canvas = map.getCanvas();
  const copy = document.createElement('canvas');
  copy.width = canvas.width;
  copy.height = canvas.height;
  const ctx = copy.getContext('2d');
  ctx.drawImage(canvas, 0, 0);
  const px = ctx.getImageData(0, 0, copy.width, copy.height).data;
  // pixels that differ from the style's background
  const bg = [0xF7, 0xF7, 0xF4];
  let painted = 0;
  for (let i = 0; i < px.length; i += 4) {
    if (Math.abs(px[i] - bg[0]) + Math.abs(px[i + 1] - bg[1]) + Math.abs(px[i + 2] - bg[2]) > 24) painted++;
  }
  return { layers, communes: [...communes].sort(), painted, pixels: px.length / 4, zoom: map.getZoom() };
}
const shots = [];
map.once('idle', async () => {
  for (const [i, view] of views.entries()) {
    if (i > 0) {
      map.jumpTo(view);
      await new Promise((done) => map.once('idle', done));
    }
    shots.push(snapshot());
    window.shown = i;
    await new Promise((done) => { window.next = done; });
  }
  window.result = { errors, views: shots };
});
</script></body></html>`;

const types = { mjs: 'text/javascript', css: 'text/css', map: 'application/json' };
const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--disable-dev-shm-usage'],
});
const console_errors = [];
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  page.on('console', (m) => {
    // the driver's note on reading pixels back is about this script's own readback
    if ((m.type() === 'error' || m.type() === 'warning') && !/GPU stall due to ReadPixels/.test(m.text())) {
      console_errors.push(`${m.type()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => console_errors.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => console_errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) console_errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  await page.route(`${base}/__render/**`, (route) => {
    const name = new URL(route.request().url()).pathname.replace('/__render/', '') || 'index.html';
    if (name === 'index.html') {
      return route.fulfill({ contentType: 'text/html', body: page_html });
    }
    if (!/^[\w.-]+$/.test(name)) return route.fulfill({ status: 404 });
    const ext = name.split('.').pop();
    return route.fulfill({ contentType: types[ext] || 'application/octet-stream', body: readFileSync(dist + name) });
  });
  await page.goto(`${base}/__render/index.html`);
  const shots = process.env.BALISE_RENDER_SHOTS; // a folder for screenshots, to look at
  for (let i = 0; ; i++) {
    await page.waitForFunction((i) => window.shown === i, i, { timeout: 60000 });
    if (shots) await page.screenshot({ path: `${shots}/view-${i}.png` });
    const last = await page.evaluate(() => { window.next(); return window.shown; }) === 1;
    if (last) break;
  }
  await page.waitForFunction(() => window.result !== undefined, null, { timeout: 60000 });
  const result = await page.evaluate(() => window.result);
  result.console = console_errors;
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
}
