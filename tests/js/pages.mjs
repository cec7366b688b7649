// Walks balise's citizen pages in Debian's Chromium (playwright-core) and prints, as JSON
// on stdout, what a person would meet: axe-core violations (WCAG 2.0/2.1 A and AA, 2.2
// AA) in each language, the language the page declares, the bytes it transferred, and
// console errors. The Rust test `tests/web.rs` judges the result.
//
// Usage: node tests/js/pages.mjs BASE_URL PATH...   (every path in fr, nl, de and en)
//        node tests/js/pages.mjs --map BASE_URL PATH  (the map beside the list, JS on)
//        node tests/js/pages.mjs --nojs BASE_URL PATH (the same page with JS off)
//        node tests/js/pages.mjs --journey BASE_URL LANG on|off
//          (reports a problem from start to end, axe on every page on the way)
//        node tests/js/pages.mjs --as EMAIL PASSWORD BASE_URL PATH...
//          (--axe, signed in to the agents' workspace first)
//        node tests/js/pages.mjs --triage BASE_URL EMAIL PASSWORD REFERENCE PHOTO
//          (an agent makes a task of a report from the queue, for the report's team,
//          and closes it with a photo of the repair; the public page then says so)
//        node tests/js/pages.mjs --agent BASE_URL EMAIL PASSWORD EVENT_ID D/M/YYYY
//          (an agent signs in, draws works over the event on that day (a day the
//          test computes from the server's clock), sees the conflict before
//          saving, saves, assesses it, edits the event and sees "to re-assess")

import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
let signIn = null;
if (args[0] === '--as') {
  args.shift();
  signIn = { email: args.shift(), password: args.shift() };
}
const mode = args[0].startsWith('--') ? args.shift() : '--axe';
const [base, ...paths] = args;
const axeSource = readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
const executablePath = process.env.BALISE_CHROMIUM || '/usr/bin/chromium';

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
    '--disable-dev-shm-usage'],
});

function watch(page, sink) {
  page.on('console', (m) => {
    if (m.type() === 'error') sink.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => sink.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) sink.push(`HTTP ${r.status()}: ${r.url()}`);
  });
}

async function weigh(page) {
  // bytes over the wire for the document and everything it loaded
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    let total = nav ? nav.transferSize : 0;
    for (const r of performance.getEntriesByType('resource')) total += r.transferSize;
    return total;
  });
}

try {
  if (mode === '--axe') {
    const out = [];
    for (const lang of ['fr', 'nl', 'de', 'en']) {
      const context = await browser.newContext({ viewport: { width: 320, height: 800 } });
      await context.addCookies([{ name: 'balise_lang', value: lang, url: base }]);
      const page = await context.newPage();
      if (signIn) await signInAs(page, signIn.email, signIn.password);
      for (const path of paths) {
        const errors = [];
        watch(page, errors);
        const res = await page.goto(base + path, { waitUntil: 'load' });
        await page.evaluate(axeSource);
        const axe = await page.evaluate(() => window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        }));
        const html = await page.content();
        out.push({
          lang,
          path,
          status: res.status(),
          htmlLang: await page.evaluate(() => document.documentElement.lang),
          title: await page.title(),
          violations: axe.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) })),
          isolationMarks: /[\u2068\u2069]/.test(html),
          horizontalScroll: await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1),
          bytes: await weigh(page),
          errors,
        });
        page.removeAllListeners();
      }
      await context.close();
    }
    console.log(JSON.stringify(out));
  } else if (mode === '--map') {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors = [];
    watch(page, errors);
    await page.goto(base + paths[0]);
    await page.waitForFunction(() => document.querySelector('#carte-map')?.dataset.ready === 'true', null, { timeout: 60000 });
    await page.evaluate(() => new Promise((done) => {
      const map = window.baliseMap;
      if (map.loaded() && map.areTilesLoaded()) done(); else map.once('idle', done);
    }));
    const result = await page.evaluate(() => {
      const map = window.baliseMap;
      const ids = new Set();
      for (const f of map.queryRenderedFeatures()) {
        if (f.sourceLayer !== 'communes' && f.id !== undefined) ids.add(f.id);
      }
      return {
        mapIds: [...ids].sort((a, b) => a - b),
        listCount: Number(document.querySelector('#liste').dataset.count),
        // the rows of the list's first page
        listedIds: [...document.querySelectorAll('#liste li.result')].map((li) => Number(li.dataset.tileId)).sort((a, b) => a - b),
        zoom: map.getZoom(),
      };
    });
    result.errors = errors;
    console.log(JSON.stringify(result));
  } else if (mode === '--nojs') {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 700 } });
    const page = await context.newPage();
    const errors = [];
    watch(page, errors);
    const res = await page.goto(base + paths[0]);
    const result = {
      status: res.status(),
      rows: await page.locator('#liste li.result').count(),
      listCount: Number(await page.locator('#liste').getAttribute('data-count')),
      mapVisible: await page.locator('#carte-map').isVisible(),
      fallbackVisible: await page.locator('[data-map-fallback]').isVisible(),
      horizontalScroll: await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1).catch(() => null),
      errors,
    };
    console.log(JSON.stringify(result));
    await context.close();
  }
  else if (mode === '--journey') {
    const [lang, js] = paths;
    console.log(JSON.stringify(await journey(lang, js === 'on')));
  } else if (mode === '--triage') {
    const [email, password, reference, photo] = paths;
    console.log(JSON.stringify(await triageJourney(email, password, reference, photo)));
  } else if (mode === '--agent') {
    const [email, password, eventId, day] = paths;
    console.log(JSON.stringify(await agentJourney(email, password, eventId, day.split('/'))));
  }
} finally {
  await browser.close();
}

async function axeRun(page) {
  await page.evaluate(axeSource);
  const r = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

// One report, as a person on a phone makes it; axe runs on every page met, errors included.
async function journey(lang, js) {
  const context = await browser.newContext({ javaScriptEnabled: js, viewport: { width: 375, height: 800 } });
  await context.addCookies([{ name: 'balise_lang', value: lang, url: base }]);
  const page = await context.newPage();
  const errors = [];
  watch(page, errors);
  const pages = [];
  async function check(label) {
    // axe needs script: with JS off it runs in a second, scripted page on the same HTML
    let violations;
    if (js) {
      violations = await axeRun(page);
    } else {
      const html = await page.content();
      const probe = await browser.newPage();
      await probe.route(base + '/__probe', (r) => r.fulfill({ contentType: 'text/html', body: html }));
      await probe.goto(base + '/__probe');
      violations = await axeRun(probe);
      await probe.close();
    }
    pages.push({ label, url: page.url(), htmlLang: await page.evaluate(() => document.documentElement.lang).catch(() => null), violations, bytes: js ? await weigh(page) : null });
  }
  const submit = (name) => page.locator(`main form button[type=submit]${name ? `[name=${name}]` : ':not([name])'}`).last().click();
  await page.goto(base + '/signaler');
  await check('start');
  await page.locator('main a.button').click();
  await page.waitForURL('**/signaler/lieu');
  await check('lieu');
  await submit();
  await page.waitForLoadState();
  await check('lieu-error');
  if (js) {
    await page.locator('#montrer-carte').click();
    await page.waitForFunction(() => document.querySelector('#lieu-carte')?.dataset.ready === 'true', null, { timeout: 60000 });
    const px = await page.evaluate(() => window.baliseMap.project([4.0716, 50.5795]));
    await page.locator('#lieu-carte canvas').click({ position: { x: px.x, y: px.y } });
    await page.waitForFunction(() => document.querySelector('#lat').value !== '');
    await page.fill('#lieu', 'Grand-Place');
    await submit();
  } else {
    await page.fill('#recherche', 'grand-place');
    await submit('chercher');
    await page.waitForLoadState();
    await check('lieu-found');
    await page.locator('input[name=choix]').first().check();
    await submit();
  }
  await page.waitForURL('**/signaler/categorie');
  await check('categorie');
  await submit();
  await page.waitForLoadState();
  await check('categorie-error');
  await page.locator('input[name=categorie][value=proprete]').check();
  await submit();
  await page.waitForLoadState();
  if (page.url().endsWith('/doublons')) {
    await check('doublons');
    await submit();
  }
  await page.waitForURL('**/signaler/description');
  await check('description');
  await page.fill('#description', 'Des sacs poubelles déposés contre le mur.');
  await submit();
  await page.waitForURL('**/signaler/photos');
  await check('photos');
  const sprite = Buffer.from(await (await fetch(base + '/styles/sprites/balise.png')).arrayBuffer());
  if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: true });
  await page.setInputFiles('#photo', { name: 'photo.png', mimeType: 'image/png', buffer: sprite });
  await submit();
  await page.waitForURL('**/signaler/contact');
  await check('contact');
  await page.locator('#moyen').check();
  await page.fill('#email', 'pas-une-adresse');
  await submit();
  await page.waitForLoadState();
  await check('contact-error');
  await page.fill('#email', `citoyen-${lang}@example.be`);
  await submit();
  await page.waitForURL('**/signaler/verifier');
  await check('verifier');
  await submit();
  await page.waitForURL('**/signaler/envoye/*');
  await check('envoye');
  const reference = page.url().split('/').pop();
  await page.goto(`${base}/suivi/${reference}`);
  await check('suivi');
  // the report is on the map and in the list
  await page.goto(`${base}/carte?quoi=signalements&q=${reference}`);
  const listCount = Number(await page.locator('#liste').getAttribute('data-count'));
  let mapIds = null;
  if (js) {
    await page.waitForFunction(() => document.querySelector('#carte-map')?.dataset.ready === 'true', null, { timeout: 60000 });
    await page.evaluate(() => new Promise((done) => {
      const map = window.baliseMap;
      if (map.loaded() && map.areTilesLoaded()) done(); else map.once('idle', done);
    }));
    mapIds = await page.evaluate(() => [...new Set(window.baliseMap.queryRenderedFeatures()
      .filter((f) => f.sourceLayer === 'reports' && f.id !== undefined).map((f) => f.id))]);
  }
  await context.close();
  return { reference, pages, listCount, mapIds, errors };
}

async function signInAs(page, email, password) {
  await page.goto(`${base}/connexion`);
  await page.fill('#email', email);
  await page.fill('#password', password);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/connexion"] button[type=submit]')]);
  if (!page.url().includes('/agent')) throw new Error(`signing in failed: ${page.url()}`);
}

// Clicks the map at these [lon, lat] places (the map draws them through terra-draw).
async function clickMap(page, places) {
  const box = await page.locator('#dessin-carte canvas').boundingBox();
  for (const p of places) {
    const xy = await page.evaluate((lnglat) => window.baliseMap.project(lnglat), p);
    await page.mouse.click(box.x + xy.x, box.y + xy.y);
    await page.waitForTimeout(150);
  }
}

async function agentJourney(email, password, eventId, [d, m, y]) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'fr-BE' });
  const errors = [];
  watch(page, errors);
  const out = { errors, violations: [] };
  await signInAs(page, email, password);
  out.signedIn = true;
  await page.goto(`${base}/agent/nouveau?kind=works`);
  await page.waitForFunction(() => document.querySelector('#dessin-carte')?.dataset.ready === 'true', null, { timeout: 60000 });
  await page.evaluate(() => new Promise((done) => {
    const map = window.baliseMap;
    map.jumpTo({ center: [4.0709, 50.5790], zoom: 17 });
    if (map.loaded()) done(); else map.once('idle', done);
  }));
  out.violations.push(...await axeRun(page));
  await page.fill('#title', 'Fermeture de la Grand-Place');
  for (const [id, v] of [['p0_debut_j', d], ['p0_debut_m', m], ['p0_debut_a', y], ['p0_fin_j', d], ['p0_fin_m', m], ['p0_fin_a', y]]) {
    await page.fill(`#${id}`, v);
  }
  await page.click('[data-draw="polygon"]');
  const corners = [[4.0705, 50.5788], [4.0712, 50.5788], [4.0712, 50.5792], [4.0705, 50.5792]];
  await clickMap(page, [...corners, corners[0]]);
  await page.waitForFunction(() => document.querySelector('#coordonnees').value.split('\n').length === 4, null, { timeout: 10000 });
  out.shape = await page.locator('input[name="forme"]:checked').getAttribute('value');
  // the conflict is shown before anything is saved
  await page.waitForFunction(() => document.querySelector('#apercu .conflict'), null, { timeout: 15000 });
  out.previewText = (await page.locator('#apercu').innerText()).trim();
  out.highlighted = await page.evaluate(() => JSON.stringify(window.baliseMap.getFilter('conflit-ligne')));
  out.savedBefore = await page.evaluate(async () => (await fetch('/agent?q=Fermeture')).text().then((t) => t.includes('Fermeture de la Grand-Place')));
  await Promise.all([page.waitForNavigation(), page.click('button[name="action"][value="enregistrer"]')]);
  out.savedUrl = page.url();
  out.conflictsAfterSave = (await page.locator('#conflits-titre').innerText()).trim();
  out.violations.push(...await axeRun(page));
  // assess it: accepted, with a note
  const form = page.locator('form.assess').first();
  await form.locator('input[value="accepted"]').check();
  await form.locator('textarea').fill('Marché déplacé ce jour-là');
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
  out.assessed = (await page.locator('.standings .state').first().innerText()).trim();
  // the event changes: its title
  await page.goto(`${base}/agent/element/${eventId}`);
  await page.fill('#title', 'Marché de Noël (agrandi)');
  await Promise.all([page.waitForNavigation(), page.click('button[name="action"][value="enregistrer"]')]);
  out.eventSaved = page.url().includes('fait=enregistre');
  await page.goto(out.savedUrl.split('?')[0]);
  out.afterEventChange = (await page.locator('.standings .state').first().innerText()).trim();
  await page.goto(`${base}/agent/conflits`);
  out.violations.push(...await axeRun(page));
  out.conflictsPage = (await page.locator('h2').first().innerText()).trim();
  return out;
}

async function triageJourney(email, password, reference, photo) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'fr-BE' });
  const errors = [];
  watch(page, errors);
  const out = { errors, violations: [] };
  await signInAs(page, email, password);
  await page.goto(`${base}/agent/signalements`);
  out.violations.push(...await axeRun(page));
  out.inQueue = (await page.content()).includes(reference);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: `Faire une tâche de ${reference}` }).click()]);
  out.taskUrl = page.url();
  out.violations.push(...await axeRun(page));
  out.team = await page.locator('#service option:checked').innerText();
  await page.setInputFiles('#photo', photo);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Marquer comme réparé' }).click()]);
  out.status = await page.locator('#status option:checked').innerText();
  out.repairFormGone = (await page.locator('#photo').count()) === 0;
  // the task on the map, at its report's place
  await page.goto(`${base}/agent/taches?vue=carte`);
  await page.waitForFunction(() => document.querySelector('#agent-map')?.dataset.ready === 'true', null, { timeout: 60000 });
  await page.evaluate(() => new Promise((done) => {
    const map = window.baliseMap;
    if (map.loaded() && map.areTilesLoaded()) done(); else map.once('idle', done);
  }));
  out.tasksOnMap = await page.evaluate(() => window.baliseMap
    .queryRenderedFeatures({ layers: ['taches-point'] }).map((f) => f.properties.status));
  out.violations.push(...await axeRun(page));
  const pub = await browser.newPage({ locale: 'fr-BE' });
  await pub.goto(`${base}/suivi/${reference}`);
  out.publicStatus = (await pub.locator('.status-tag').innerText()).trim();
  return out;
}
