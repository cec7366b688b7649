// Validates MapLibre style documents with @maplibre/maplibre-gl-style-spec.
// Usage: node tests/js/validate-style.mjs FILE...  Prints each error; exits 1 on any.
import { readFileSync } from 'node:fs';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';

let failed = false;
for (const file of process.argv.slice(2)) {
  const errors = validateStyleMin(JSON.parse(readFileSync(file, 'utf8')));
  for (const e of errors) {
    console.error(`${file}: ${e.message}`);
    failed = true;
  }
}
if (process.argv.length < 3) {
  console.error('usage: validate-style.mjs FILE...');
  failed = true;
}
process.exit(failed ? 1 : 0);
