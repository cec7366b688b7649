// balise — drawing a feature on the map (terra-draw with its MapLibre adapter). The
// form works without this script: the shape and its "latitude, longitude" lines are
// plain fields, and "Vérifier les conflits" asks the server. Here, drawing fills those
// fields, and every change asks the server for the conflicts the form would have, shown
// in a live region before anything is saved.

import { loadMapLibre, webgl } from './map.js';
import { addInternal } from './agent.js';

const el = document.getElementById('dessin-carte');
const form = document.getElementById('element-form');
const text = document.getElementById('coordonnees');
const said = document.getElementById('dessin-etat');
const apercu = document.getElementById('apercu');

const SHAPE_OF_MODE = { point: 'point', linestring: 'ligne', polygon: 'zone' };
const MODE_OF_SHAPE = { point: 'point', ligne: 'linestring', zone: 'polygon' };

function lines(coords) {
  return coords.map(([lon, lat]) => `${lat.toFixed(6)}, ${lon.toFixed(6)}`).join('\n');
}

function shape() {
  const c = form.querySelector('input[name="forme"]:checked');
  return c ? c.value : 'ligne';
}

// The geometry the fields describe, if they describe one.
function typed() {
  const pts = text.value.split('\n').map((l) => l.trim()).filter(Boolean).map((l) => {
    const n = (l.includes('.') ? l.split(/[,;\s]+/) : l.split(/[;\s]+/).map((s) => s.replace(',', '.')))
      .filter(Boolean).map(Number);
    return n.length === 2 && n.every(Number.isFinite) ? [n[1], n[0]] : null;
  });
  if (!pts.length || pts.includes(null)) return null;
  const s = shape();
  if (s === 'point' && pts.length === 1) return { type: 'Point', coordinates: pts[0] };
  if (s === 'ligne' && pts.length >= 2) return { type: 'LineString', coordinates: pts };
  if (s === 'zone' && pts.length >= 3) return { type: 'Polygon', coordinates: [[...pts, pts[0]]] };
  return null;
}

let pending = null;
let map = null;

// The features in conflict, picked out on the map (an outline in the conflict colour).
function highlight() {
  if (!map || !map.getLayer('conflit-ligne')) return;
  const ids = [...apercu.querySelectorAll('[data-tile-id]')].map((li) => Number(li.dataset.tileId));
  const only = ['in', ['id'], ['literal', ids]];
  map.setFilter('conflit-ligne', ['all', ['!=', ['geometry-type'], 'Point'], only]);
  map.setFilter('conflit-point', ['all', ['==', ['geometry-type'], 'Point'], only]);
}

async function preview() {
  const body = new URLSearchParams(new FormData(form));
  const res = await fetch('/agent/apercu', { method: 'POST', body, credentials: 'same-origin' });
  if (res.ok) {
    apercu.innerHTML = await res.text();
    apercu.dataset.checked = String(Number(apercu.dataset.checked || 0) + 1);
    highlight();
  }
}
function later() {
  clearTimeout(pending);
  pending = setTimeout(() => preview().catch((e) => console.warn('preview failed:', e)), 400);
}

if (form) form.addEventListener('change', later);
if (el && webgl()) start(el).catch((e) => console.warn('drawing unavailable:', e));

async function start(el) {
  const maplibre = await loadMapLibre(el);
  const td = await import('terra-draw');
  const { TerraDrawMapLibreGLAdapter } = await import(el.dataset.adapter);
  const b = el.dataset.bounds.split(',').map(Number);
  el.hidden = false;
  for (const f of document.querySelectorAll('[data-map-fallback]')) f.hidden = true;
  for (const f of document.querySelectorAll('[data-js-only]')) f.hidden = false;
  map = new maplibre.Map({
    container: el,
    style: '/styles/balise.json',
    bounds: [[b[0], b[1]], [b[2], b[3]]],
    fitBoundsOptions: { padding: 60, maxZoom: 17 },
  });
  map.getCanvas().setAttribute('aria-label', el.dataset.label);
  map.addControl(new maplibre.NavigationControl({ showCompass: false }));
  window.baliseMap = map;
  map.on('load', () => {
    addInternal(map);
    map.addLayer({
      id: 'conflit-ligne', type: 'line', source: 'interne', 'source-layer': 'internal',
      filter: ['in', ['id'], ['literal', []]],
      paint: { 'line-color': '#d4351c', 'line-width': 8, 'line-opacity': 0.8 },
    });
    map.addLayer({
      id: 'conflit-point', type: 'circle', source: 'interne', 'source-layer': 'internal',
      filter: ['in', ['id'], ['literal', []]],
      paint: { 'circle-radius': 12, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': '#d4351c', 'circle-stroke-width': 4 },
    });
    highlight();
    const draw = new td.TerraDraw({
      adapter: new TerraDrawMapLibreGLAdapter({ map }),
      modes: [new td.TerraDrawPointMode(), new td.TerraDrawLineStringMode(), new td.TerraDrawPolygonMode()],
    });
    draw.start();
    window.baliseDraw = draw;
    const g = typed();
    if (g) {
      const mode = g.type === 'Point' ? 'point' : g.type === 'LineString' ? 'linestring' : 'polygon';
      draw.addFeatures([{ type: 'Feature', geometry: g, properties: { mode } }]);
    }
    draw.on('finish', (id) => {
      // one geometry per feature: the last one drawn
      const all = draw.getSnapshot();
      const last = all.find((f) => f.id === id);
      if (!last) return;
      const old = all.filter((f) => f.id !== id).map((f) => f.id);
      if (old.length) draw.removeFeatures(old);
      const geom = last.geometry;
      const s = SHAPE_OF_MODE[last.properties.mode] || 'ligne';
      document.getElementById(`forme-${s}`).checked = true;
      text.value = lines(geom.type === 'Polygon' ? geom.coordinates[0].slice(0, -1)
        : geom.type === 'Point' ? [geom.coordinates] : geom.coordinates);
      said.textContent = el.dataset.drawn;
      later();
    });
    for (const btn of document.querySelectorAll('[data-draw]')) {
      btn.addEventListener('click', () => {
        const m = btn.dataset.draw;
        if (m === 'clear') {
          draw.clear();
          text.value = '';
          draw.setMode('static');
          return;
        }
        draw.setMode(m);
        for (const o of document.querySelectorAll('[data-draw]')) o.setAttribute('aria-pressed', String(o === btn));
      });
    }
    const preset = MODE_OF_SHAPE[shape()];
    if (preset) draw.setMode('static');
    el.dataset.ready = 'true';
  });
}
