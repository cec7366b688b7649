// balise — what both map pages share: whether the browser can draw a map at all, and
// loading MapLibre GL JS (its stylesheet and module, from this server) only then.

export function webgl() {
  try {
    const c = document.createElement('canvas');
    return !!(c.getContext('webgl2') || c.getContext('webgl'));
  } catch {
    return false;
  }
}

// el.dataset.css and el.dataset.maplibre name the versioned files.
export async function loadMapLibre(el) {
  const css = document.createElement('link');
  css.rel = 'stylesheet';
  css.href = el.dataset.css;
  document.head.append(css);
  return import(el.dataset.maplibre);
}

// "Voir sur la carte" links of the list beside the map (data-bbox): show the feature on
// the map instead of leaving the page.
export function linkRows(map, el, maxZoom) {
  for (const a of document.querySelectorAll('a.show-on-map[data-bbox]')) {
    a.addEventListener('click', (ev) => {
      ev.preventDefault();
      const [w, s, e, n] = a.dataset.bbox.split(',').map(Number);
      map.fitBounds([[w, s], [e, n]], { padding: 60, maxZoom, duration: 0 });
      el.scrollIntoView({ block: 'nearest' });
      map.getCanvas().focus();
    });
  }
}
