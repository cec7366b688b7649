// balise — the workspace map on /agent (and on /agent/taches?vue=carte, with the tasks
// at their features' places): an extra beside the list. It shows what the public map
// shows plus the commune's internal features (the internal tile layer, which the server
// narrows to the communes of the person signed in).

import { linkRows, loadMapLibre, webgl } from './map.js';

export const KIND_COLOURS = [
  'match', ['get', 'kind'],
  'works', '#d4351c', 'diversion', '#1d70b8', 'parking_ban', '#4c2c92',
  'event', '#00703c', 'occupation', '#f47738', '#505a5f',
];

// The internal features, drawn over the public style: areas, lines and points, with a
// dashed outline for what is not published.
export function addInternal(map) {
  map.addSource('interne', { type: 'vector', url: `${location.origin}/tiles/internal` });
  const internal = ['==', ['get', 'visibility'], 'internal'];
  map.addLayer({
    id: 'interne-zone', type: 'fill', source: 'interne', 'source-layer': 'internal',
    filter: ['==', ['geometry-type'], 'Polygon'],
    paint: { 'fill-color': KIND_COLOURS, 'fill-opacity': 0.2 },
  });
  map.addLayer({
    id: 'interne-ligne', type: 'line', source: 'interne', 'source-layer': 'internal',
    filter: ['!=', ['geometry-type'], 'Point'],
    paint: {
      'line-color': KIND_COLOURS, 'line-width': 4,
      'line-dasharray': ['case', internal, ['literal', [2, 1]], ['literal', [1, 0]]],
    },
  });
  map.addLayer({
    id: 'interne-point', type: 'circle', source: 'interne', 'source-layer': 'internal',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-color': KIND_COLOURS, 'circle-radius': 7,
      'circle-stroke-color': '#0b0c0c', 'circle-stroke-width': 2,
    },
  });
}

const TASK_COLOURS = [
  'match', ['get', 'status'],
  'a_faire', '#1d70b8', 'en_cours', '#8a5d00', 'bloquee', '#d4351c', 'faite', '#00703c',
  '#505a5f',
];

// The tasks of the list, each at its feature's place (/agent/taches?vue=carte): a click
// opens a popup with the task's link.
function addTasks(map, maplibre, tasks) {
  map.addSource('taches', { type: 'geojson', data: tasks });
  map.addLayer({
    id: 'taches-point', type: 'circle', source: 'taches',
    paint: {
      'circle-color': TASK_COLOURS, 'circle-radius': 9,
      'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3,
    },
  });
  map.on('click', 'taches-point', (e) => {
    const p = e.features[0].properties;
    const box = document.createElement('p');
    const a = document.createElement('a');
    a.href = p.href;
    a.textContent = p.title;
    box.append(a, document.createElement('br'), p.label);
    new maplibre.Popup().setLngLat(e.lngLat).setDOMContent(box).addTo(map);
  });
  map.on('mouseenter', 'taches-point', () => { map.getCanvas().style.cursor = 'pointer'; });
  map.on('mouseleave', 'taches-point', () => { map.getCanvas().style.cursor = ''; });
}

const el = document.getElementById('agent-map');
if (el && webgl()) start(el).catch((e) => console.warn('map unavailable:', e));

async function start(el) {
  const maplibre = await loadMapLibre(el);
  const b = el.dataset.bounds.split(',').map(Number);
  el.hidden = false;
  for (const f of document.querySelectorAll('[data-map-fallback]')) f.hidden = true;
  const map = new maplibre.Map({
    container: el,
    style: '/styles/balise.json',
    bounds: [[b[0], b[1]], [b[2], b[3]]],
    fitBoundsOptions: { padding: 30 },
  });
  map.getCanvas().setAttribute('aria-label', el.dataset.label);
  map.addControl(new maplibre.NavigationControl({ showCompass: false }));
  map.on('load', () => {
    addInternal(map);
    if (el.dataset.tasks) addTasks(map, maplibre, JSON.parse(el.dataset.tasks));
    el.dataset.ready = 'true';
  });
  window.baliseMap = map;
  linkRows(map, el, 18);
}
