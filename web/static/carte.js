// balise — the map on /carte: an extra beside the list, never instead of it.
// The list is rendered by the server and works without this script. Here MapLibre GL JS
// (loaded only now, after the list) draws the same features: the page tells the map the
// list's time window, kinds, commune and, when a search narrows the list, the ids
// of the features listed.

import { linkRows, loadMapLibre, webgl } from './map.js';

const LOCALES = {
  fr: {
    'Map.Title': 'Carte', 'NavigationControl.ZoomIn': 'Zoom avant', 'NavigationControl.ZoomOut': 'Zoom arrière',
    'NavigationControl.ResetBearing': 'Remettre le nord en haut', 'AttributionControl.ToggleAttribution': 'Afficher les sources',
    'FullscreenControl.Enter': 'Plein écran', 'FullscreenControl.Exit': 'Quitter le plein écran',
    'GeolocateControl.FindMyLocation': 'Trouver ma position', 'GeolocateControl.LocationNotAvailable': 'Position non disponible',
    'Popup.Close': 'Fermer', 'ScaleControl.Meters': 'm', 'ScaleControl.Kilometers': 'km',
    'CooperativeGesturesHandler.WindowsHelpText': 'Utilisez Ctrl + molette pour zoomer',
    'CooperativeGesturesHandler.MacHelpText': 'Utilisez ⌘ + molette pour zoomer',
    'CooperativeGesturesHandler.MobileHelpText': 'Utilisez deux doigts pour déplacer la carte',
  },
  nl: {
    'Map.Title': 'Kaart', 'NavigationControl.ZoomIn': 'Inzoomen', 'NavigationControl.ZoomOut': 'Uitzoomen',
    'NavigationControl.ResetBearing': 'Noorden naar boven', 'AttributionControl.ToggleAttribution': 'Bronnen tonen',
    'FullscreenControl.Enter': 'Volledig scherm', 'FullscreenControl.Exit': 'Volledig scherm sluiten',
    'GeolocateControl.FindMyLocation': 'Mijn locatie zoeken', 'GeolocateControl.LocationNotAvailable': 'Locatie niet beschikbaar',
    'Popup.Close': 'Sluiten', 'ScaleControl.Meters': 'm', 'ScaleControl.Kilometers': 'km',
    'CooperativeGesturesHandler.WindowsHelpText': 'Gebruik Ctrl + scrollwiel om te zoomen',
    'CooperativeGesturesHandler.MacHelpText': 'Gebruik ⌘ + scrollwiel om te zoomen',
    'CooperativeGesturesHandler.MobileHelpText': 'Gebruik twee vingers om de kaart te verplaatsen',
  },
  de: {
    'Map.Title': 'Karte', 'NavigationControl.ZoomIn': 'Vergrößern', 'NavigationControl.ZoomOut': 'Verkleinern',
    'NavigationControl.ResetBearing': 'Nach Norden ausrichten', 'AttributionControl.ToggleAttribution': 'Quellen anzeigen',
    'FullscreenControl.Enter': 'Vollbild', 'FullscreenControl.Exit': 'Vollbild beenden',
    'GeolocateControl.FindMyLocation': 'Meinen Standort finden', 'GeolocateControl.LocationNotAvailable': 'Standort nicht verfügbar',
    'Popup.Close': 'Schließen', 'ScaleControl.Meters': 'm', 'ScaleControl.Kilometers': 'km',
    'CooperativeGesturesHandler.WindowsHelpText': 'Strg + Mausrad zum Zoomen',
    'CooperativeGesturesHandler.MacHelpText': '⌘ + Mausrad zum Zoomen',
    'CooperativeGesturesHandler.MobileHelpText': 'Karte mit zwei Fingern verschieben',
  },
  en: {},
};

const el = document.getElementById('carte-map');
if (el && webgl()) start(el).catch((e) => console.warn('map unavailable:', e));

async function start(el) {
  const maplibre = await loadMapLibre(el);
  const d = el.dataset;
  const shown = new Set(d.layers.split(',').filter(Boolean));
  const ids = d.ids === undefined ? null : d.ids.split(',').filter(Boolean).map(Number);
  const b = d.bounds.split(',').map(Number);
  el.hidden = false;
  for (const f of document.querySelectorAll('[data-map-fallback]')) f.hidden = true;
  const map = new maplibre.Map({
    container: el,
    style: '/styles/balise.json',
    bounds: [[b[0], b[1]], [b[2], b[3]]],
    fitBoundsOptions: { padding: 40, maxZoom: 16 },
    locale: LOCALES[d.locale] || {},
    // every tile asks for the list's time window
    transformRequest: (url, type) => {
      if (type === 'Tile' && url.includes('/tiles/')) {
        const u = new URL(url);
        u.searchParams.set('from', d.from);
        u.searchParams.set('to', d.to);
        return { url: u.toString() };
      }
      return undefined;
    },
  });
  map.getCanvas().setAttribute('aria-label', d.label);
  map.addControl(new maplibre.NavigationControl({ showCompass: false }));
  map.on('load', () => {
    for (const layer of map.getStyle().layers) {
      const sl = layer['source-layer'];
      if (!sl || sl === 'communes') continue;
      if (!shown.has(sl)) {
        map.setLayoutProperty(layer.id, 'visibility', 'none');
      } else if (ids || d.commune) {
        const only = [];
        if (d.commune) only.push(['==', ['get', 'commune'], d.commune]);
        if (ids) only.push(['in', ['id'], ['literal', ids]]);
        map.setFilter(layer.id, ['all', ...(layer.filter ? [layer.filter] : []), ...only]);
      }
    }
    el.dataset.ready = 'true';
  });
  window.baliseMap = map;
  linkRows(map, el, 17);
}
