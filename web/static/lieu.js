// balise — on "Où se trouve le problème ?": a map to tap and "use my location", as
// extras. Without this script the page works with a place search or words. A tap (or
// the device's position) fills the hidden lat/lon fields; the server checks the place
// when the form is sent. Nothing is ever dragged.

import { loadMapLibre, webgl } from './map.js';

const el = document.getElementById('lieu-carte');
if (el && webgl()) start(el).catch((e) => console.warn('map unavailable:', e));

async function start(el) {
  const d = el.dataset;
  const maplibre = await loadMapLibre(el);
  const lat = document.getElementById('lat');
  const lon = document.getElementById('lon');
  const said = document.getElementById('lieu-choisi');
  const b = d.bounds.split(',').map(Number);
  el.hidden = false;
  for (const h of document.querySelectorAll('[data-js-only]')) h.hidden = false;
  const map = new maplibre.Map({
    container: el,
    style: '/styles/balise.json',
    bounds: [[b[0], b[1]], [b[2], b[3]]],
    fitBoundsOptions: { padding: 20 },
  });
  map.getCanvas().setAttribute('aria-label', d.label);
  map.addControl(new maplibre.NavigationControl({ showCompass: false }));
  let marker = null;
  function choose(lngLat, zoom) {
    lat.value = lngLat.lat.toFixed(6);
    lon.value = lngLat.lng.toFixed(6);
    if (!marker) marker = new maplibre.Marker({ color: '#12365e' });
    marker.setLngLat(lngLat).addTo(map);
    if (zoom) map.jumpTo({ center: lngLat, zoom: Math.max(map.getZoom(), 17) });
    said.textContent = d.chosen.replace('{lat}', lat.value).replace('{lon}', lon.value);
  }
  if (lat.value && lon.value) choose({ lat: Number(lat.value), lng: Number(lon.value) }, true);
  map.on('click', (e) => choose(e.lngLat, false));
  const here = document.getElementById('ma-position');
  if (here && 'geolocation' in navigator) {
    here.addEventListener('click', () => {
      said.textContent = d.locating;
      navigator.geolocation.getCurrentPosition(
        (p) => choose({ lat: p.coords.latitude, lng: p.coords.longitude }, true),
        () => { said.textContent = d.noposition; },
        { enableHighAccuracy: true, timeout: 15000 },
      );
    });
  } else if (here) {
    here.hidden = true;
  }
  window.baliseMap = map;
  map.on('load', () => { el.dataset.ready = 'true'; });
}
