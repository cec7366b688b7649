// balise — on "Où se trouve le problème ?": "use my location" and a map to tap, as
// extras. Without this script the page works with a place search or words. The map
// (MapLibre, some 300 KB) loads only when asked for, so the page stays light on a cheap
// phone. A tap or the device's position fills the hidden lat/lon fields; the server
// checks the place when the form is sent. Nothing is ever dragged.

import { loadMapLibre, webgl } from './map.js';

const el = document.getElementById('lieu-carte');
const lat = document.getElementById('lat');
const lon = document.getElementById('lon');
const said = document.getElementById('lieu-choisi');
let map = null;
let maplibre = null;
let marker = null;

function choose(lngLat, zoom) {
  lat.value = lngLat.lat.toFixed(6);
  lon.value = lngLat.lng.toFixed(6);
  said.textContent = el.dataset.chosen.replace('{lat}', lat.value).replace('{lon}', lon.value);
  if (!map) return;
  if (!marker) marker = new maplibre.Marker({ color: '#12365e' });
  marker.setLngLat(lngLat).addTo(map);
  if (zoom) map.jumpTo({ center: lngLat, zoom: Math.max(map.getZoom(), 17) });
}

async function showMap() {
  const d = el.dataset;
  maplibre = await loadMapLibre(el);
  const b = d.bounds.split(',').map(Number);
  el.hidden = false;
  map = new maplibre.Map({
    container: el,
    style: '/styles/balise.json',
    bounds: [[b[0], b[1]], [b[2], b[3]]],
    fitBoundsOptions: { padding: 20 },
  });
  map.getCanvas().setAttribute('aria-label', d.label);
  map.addControl(new maplibre.NavigationControl({ showCompass: false }));
  if (lat.value && lon.value) choose({ lat: Number(lat.value), lng: Number(lon.value) }, true);
  map.on('click', (e) => choose(e.lngLat, false));
  map.on('load', () => { el.dataset.ready = 'true'; });
  window.baliseMap = map;
}

if (el) {
  const here = document.getElementById('ma-position');
  if (here && 'geolocation' in navigator) {
    here.closest('[data-js-only]').hidden = false;
    here.addEventListener('click', () => {
      said.textContent = el.dataset.locating;
      navigator.geolocation.getCurrentPosition(
        (p) => choose({ lat: p.coords.latitude, lng: p.coords.longitude }, true),
        () => { said.textContent = el.dataset.noposition; },
        { enableHighAccuracy: true, timeout: 15000 },
      );
    });
  }
  const open = document.getElementById('montrer-carte');
  if (open && webgl()) {
    open.closest('[data-js-only]').hidden = false;
    open.addEventListener('click', () => {
      open.closest('[data-js-only]').hidden = true;
      showMap().catch((e) => console.warn('map unavailable:', e));
    });
  }
}
