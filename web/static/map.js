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
