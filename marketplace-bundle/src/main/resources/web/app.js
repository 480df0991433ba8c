// The marketplace web page: a client of the JSON API (docs/marketplace-api.md) and of /plugin-files
// (a plugin's README, CHANGELOG, icon and runtime fit). Text from the API is only ever put into the page
// with textContent, never as HTML, so reviews, descriptions and READMEs cannot inject markup.
//
// Addresses (relative to <base>, which the server sets): "./?q=…&capability=…" browse with the search in
// the URL, "plugins/NAME" a plugin, "analytics", anything else the "not found" view. Views change with
// history.pushState, so Back and Forward go through searches and pages.
'use strict';

import { barChart, dayRange } from './charts.js';
import { licences } from './licences.js';
import { renderMarkdown, renderText } from './markdown.js';

const $ = (id) => document.getElementById(id);
const BASE = new URL(document.baseURI);
const PAGE_SIZE = 20;
/** The search parameters kept in the URL, in the order they are written there. */
const SEARCH_FIELDS = ['q', 'tag', 'capability', 'vendor', 'minRating', 'runtime', 'sort'];
/** How the result count names each search parameter in use. */
const FILTER_WORDS = {
  q: (v) => 'matching “' + v + '”', tag: (v) => 'tagged ' + v, capability: (v) => 'with capability ' + v,
  vendor: (v) => 'by ' + v, minRating: (v) => 'rated ' + v + ' ★ or better', runtime: (v) => 'for MilkBottle ' + v,
};
const seen = { tag: new Set(), capability: new Set(), vendor: new Set() };
let renderCount = 0;

function el(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
  return node;
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function getJson(path, options) {
  const response = await fetch(new URL(path, BASE), options);
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new HttpError(response.status, 'The marketplace answered ' + response.status + ' without JSON.');
  }
  if (!response.ok) throw new HttpError(response.status, body.message || ('HTTP ' + response.status));
  return body;
}

const api = (path, options) => getJson('api/' + path, options);

function showError(error) {
  $('error').textContent = error.message;
  $('error').hidden = false;
}

function show(section, title) {
  ['browse', 'details', 'analytics', 'not-found'].forEach((id) => { $(id).hidden = id !== section; });
  $('error').hidden = true;
  document.title = (title ? title + ' — ' : '') + 'MilkBottle Marketplace';
}

function stars(rating, count) {
  return count ? rating.toFixed(1) + ' ★ (' + count + ')' : 'not rated yet';
}

/** The address of a view, relative to the page's base. */
function href(path, params) {
  const query = params && params.toString();
  return new URL(path + (query ? '?' + query : ''), BASE).href;
}

/** Shows another view and records it in the history (replace: instead of the current entry). */
function go(url, replace) {
  if (replace) {
    history.replaceState(null, '', url);
  } else if (url !== location.href) {
    history.pushState(null, '', url);
    window.scrollTo(0, 0);
  }
  return render();
}

// ---------------------------------------------------------------------------------------------- browse

function searchParams(params) {
  const out = new URLSearchParams();
  SEARCH_FIELDS.forEach((field) => {
    const value = (params.get(field) || '').trim();
    if (value) out.set(field, value);
  });
  const page = Number.parseInt(params.get('page'), 10);
  if (page > 1) out.set('page', String(page));
  return out;
}

function formParams() {
  const params = new URLSearchParams();
  SEARCH_FIELDS.forEach((field) => params.set(field, $(field).value));
  return searchParams(params);
}

function fillForm(params) {
  SEARCH_FIELDS.forEach((field) => {
    const value = params.get(field) || '';
    const input = $(field);
    if (input.tagName === 'SELECT' && ![...input.options].some((o) => o.value === value)) {
      input.append(el('option', field === 'minRating' ? value + ' ★ and up' : value, { value })); // from an address
    }
    input.value = value;
  });
}

function chip(kind, value, params) {
  const next = searchParams(params);
  next.set(kind, value);
  next.delete('page');
  return el('a', value, { href: href('./', next), class: 'chip ' + kind, title: 'only plugins with this ' + kind });
}

function remember(kind, values) {
  values.filter((v) => v && !seen[kind].has(v)).forEach((v) => {
    seen[kind].add(v);
    $(kind + '-list').append(el('option', null, { value: v }));
  });
}

async function browse(params, mine) {
  const query = searchParams(params);
  fillForm(query);
  const page = Number.parseInt(query.get('page') || '1', 10);
  const request = new URLSearchParams(query);
  request.set('page', String(page));
  request.set('pageSize', String(PAGE_SIZE));
  const active = SEARCH_FIELDS.filter((f) => f !== 'sort' && query.get(f));
  show('browse', active.length ? 'Search' : '');
  const result = await api('plugins?' + request);
  if (mine !== renderCount) return;
  const filters = active.map((f) => FILTER_WORDS[f](query.get(f))).join(', ');
  $('result-count').textContent = result.total + (result.total === 1 ? ' plugin' : ' plugins')
    + (filters ? ' ' + filters : '');
  const detailParams = new URLSearchParams();
  if (query.get('runtime')) detailParams.set('runtime', query.get('runtime'));
  $('results').replaceChildren(...result.items.map((p) => {
    remember('tag', p.tags);
    remember('capability', p.capabilities);
    remember('vendor', [p.vendor]);
    const item = el('li', null, { 'data-name': p.name });
    const chips = el('p', null, { class: 'chips' });
    chips.append(...p.capabilities.map((c) => chip('capability', c, query)), ...p.tags.map((t) => chip('tag', t, query)));
    const stats = el('p', stars(p.rating, p.ratingCount) + ' · ' + p.downloads + ' downloads · ', { class: 'stats' });
    if (p.vendor) stats.append(chip('vendor', p.vendor, query));
    item.append(el('a', p.title || p.name, { href: href('plugins/' + encodeURIComponent(p.name), detailParams),
      class: 'title' }), ' ', el('span', p.version, { class: 'muted' }), ' ', el('code', p.name),
    el('p', p.description || ''), chips, stats);
    return item;
  }));
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  $('page').textContent = 'page ' + page + ' of ' + pages;
  $('prev').disabled = page <= 1;
  $('next').disabled = page >= pages;
}

function toPage(delta) {
  const params = searchParams(new URL(location.href).searchParams);
  params.set('page', String(Number.parseInt(params.get('page') || '1', 10) + delta));
  go(href('./', searchParams(params)));
}

// --------------------------------------------------------------------------------------------- details

/** "(&(milkbottle.runtime=milkbottle)(version>=1.0)(!(version>=2.0)))" as "1.0 or later, before 2.0". */
function runtimeRange(filter) {
  if (!filter) return 'any';
  const parts = [];
  const lower = /(^|[^!])\(version>=([^)]+)\)/.exec(filter);
  const above = /!\(version<=([^)]+)\)/.exec(filter);
  const upper = /!\(version>=([^)]+)\)/.exec(filter);
  const upTo = /(^|[^!])\(version<=([^)]+)\)/.exec(filter);
  const exact = /(^|[^!<>])\(version=([^)]+)\)/.exec(filter);
  if (exact) return 'exactly ' + exact[2];
  if (lower) parts.push(lower[2] + ' or later');
  if (above) parts.push('after ' + above[1]);
  if (upper) parts.push('before ' + upper[1]);
  if (upTo) parts.push('up to ' + upTo[2]);
  return parts.length ? parts.join(', ') : filter;
}

function licenceNodes(header) {
  const parts = licences(header);
  if (parts.length === 0) return [document.createTextNode('not stated')];
  const nodes = [];
  parts.forEach((pieces, i) => {
    if (i > 0) nodes.push(document.createTextNode('; '));
    pieces.forEach((piece, k) => {
      if (k > 0) nodes.push(document.createTextNode(' '));
      if (piece.operator) {
        nodes.push(el('span', piece.operator, { class: 'muted' }));
      } else if (piece.url) {
        nodes.push(el('a', piece.name, { href: piece.url, rel: 'noopener noreferrer', class: 'licence-link',
          'data-id': piece.id || '' }));
      } else {
        nodes.push(el('span', piece.name, { class: 'licence-name' }));
      }
    });
  });
  return nodes;
}

function compatibility(plugin, files) {
  const badge = $('d-compat');
  const latest = plugin.versions[0];
  const runtime = files && files.runtime;
  if (!runtime) {
    badge.textContent = 'runtime: ' + runtimeRange(latest.runtimeFilter);
    badge.dataset.compatible = 'unknown';
    return;
  }
  const fits = plugin.versions.find((v) => runtime.compatible[v.version]);
  if (runtime.compatible[latest.version]) {
    badge.textContent = '✓ works with MilkBottle ' + runtime.version;
    badge.dataset.compatible = 'true';
  } else if (fits) {
    badge.textContent = '⚠ ' + latest.version + ' needs MilkBottle ' + runtimeRange(latest.runtimeFilter) + '; '
      + fits.version + ' works with ' + runtime.version;
    badge.dataset.compatible = 'older';
  } else {
    badge.textContent = '✗ not for MilkBottle ' + runtime.version + ' (needs ' + runtimeRange(latest.runtimeFilter) + ')';
    badge.dataset.compatible = 'false';
  }
  badge.title = runtime.source === 'asked' ? 'for the runtime version you searched for'
    : 'for the runtime version of this marketplace';
}

function installSnippet(name) {
  const repository = (location.hostname.replace(/[^A-Za-z0-9_.-]/g, '') || 'marketplace').slice(0, 50);
  $('d-repo-add').textContent = 'mb:repo-add ' + repository + ' ' + new URL('repository/', BASE).href;
  $('d-install').textContent = 'mb:install ' + name;
  $('d-install-note').textContent = 'The first line adds this marketplace to a runtime (once); mb:install then '
    + 'picks the newest version that fits that runtime.';
  $('d-copy-status').textContent = '';
}

/** Copies text to the clipboard; where the Clipboard API is refused, through a selected text area. */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (e) {
    const area = el('textarea', null, { readonly: '', class: 'offscreen', 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
}

function showDocument(section, target, file, label) {
  $(section).hidden = !file;
  $(target).replaceChildren();
  if (!file) return;
  $(section).querySelector('h2').textContent = label + ' (' + file.path + ')';
  $(target).append(file.markdown ? renderMarkdown(file.text, { headingOffset: 2 }) : renderText(file.text));
  if (file.truncated) $(target).append(el('p', 'The file goes on; only its first 256 KiB are shown.', { class: 'muted' }));
}

function downloadsChart(plugin, downloads) {
  const perVersion = downloads.perVersion || { 'all versions': downloads.perDay }; // a node before API 2.1
  const days = dayRange(Object.values(perVersion).flatMap((perDay) => Object.keys(perDay)));
  const order = plugin.versions.map((v) => v.version);
  let series = Object.entries(perVersion).map(([name, perDay]) => ({ name, values: days.map((d) => perDay[d] || 0) }))
    .filter((s) => s.values.some((v) => v > 0))
    .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  if (series.length > 6) {
    // the newest five versions, and the rest together
    const rest = series.slice(5);
    series = series.slice(0, 5).concat([{ name: 'older versions',
      values: days.map((d, i) => rest.reduce((sum, s) => sum + s.values[i], 0)) }]);
  }
  barChart($('d-chart'), { title: 'Downloads of ' + plugin.summary.name + ' per day and version', xLabel: 'Day (UTC)',
    yLabel: 'Downloads', categories: days.map((d) => d.slice(5)), categoryTitles: days, series,
    empty: 'No downloads yet.' });
}

function ratingsChart(plugin) {
  const counts = [1, 2, 3, 4, 5].map((n) => plugin.reviews.filter((r) => r.stars === n).length);
  barChart($('d-ratings-chart'), { title: 'Ratings of ' + plugin.summary.name + ' by stars', xLabel: 'Stars',
    yLabel: 'Ratings', categories: ['1 ★', '2 ★', '3 ★', '4 ★', '5 ★'],
    series: [{ name: 'ratings', values: counts }], empty: 'No ratings yet.' });
}

function notFound(message, search) {
  show('not-found', 'Not found');
  $('nf-message').textContent = message;
  $('nf-search').href = href('./', search ? new URLSearchParams({ q: search }) : undefined);
  $('nf-search').textContent = search ? 'Search the marketplace for “' + search + '”' : 'Search the marketplace';
}

async function pluginFiles(name, runtime) {
  try {
    return await getJson('plugin-files/' + encodeURIComponent(name) + (runtime ? '?' + new URLSearchParams({ runtime }) : ''));
  } catch (error) {
    return { error: error.message, runtime: null }; // the page is still useful without README and icon
  }
}

async function details(name, params, mine) {
  const runtime = (params.get('runtime') || '').trim();
  let plugin, downloads;
  try {
    [plugin, downloads] = await Promise.all([api('plugins/' + encodeURIComponent(name)),
      api('plugins/' + encodeURIComponent(name) + '/downloads')]);
  } catch (error) {
    if (mine !== renderCount) return;
    if (error.status === 404 || error.status === 400) {
      notFound('There is no plugin named “' + name + '” in this marketplace.', name);
      return;
    }
    throw error;
  }
  const files = await pluginFiles(name, runtime);
  if (mine !== renderCount) return;
  const s = plugin.summary;
  show('details', s.title || s.name);
  $('d-title').textContent = s.title || s.name;
  $('d-description').textContent = s.description || '';
  $('d-icon').hidden = !files.icon;
  if (files.icon) {
    $('d-icon').src = new URL(files.icon, BASE).href;
    $('d-icon').alt = (s.title || s.name) + ' icon';
  } else {
    $('d-icon').removeAttribute('src');
  }
  compatibility(plugin, files);
  installSnippet(s.name);
  $('d-name').textContent = s.name;
  $('d-version').textContent = s.version;
  $('d-runtime').textContent = runtimeRange(plugin.versions[0].runtimeFilter);
  $('d-vendor').replaceChildren(s.vendor ? chip('vendor', s.vendor, new URLSearchParams()) : '');
  $('d-license').replaceChildren(...licenceNodes(plugin.license));
  const ids = licences(plugin.license).flat().filter((p) => !p.operator).map((p) => p.id || p.name);
  $('d-license-badge').textContent = ids.length ? 'licence: ' + ids.join(', ') : 'no licence stated';
  $('d-contact').textContent = plugin.contact || '';
  [['d-doc', plugin.docUrl], ['d-scm', plugin.scmUrl]].forEach(([id, url]) => {
    $(id).replaceChildren();
    if (url && /^https?:\/\//i.test(url)) $(id).append(el('a', url, { href: url, rel: 'noopener noreferrer' }));
    else if (url) $(id).textContent = url;
  });
  $('d-tags').replaceChildren(...s.tags.map((t) => chip('tag', t, new URLSearchParams())));
  $('d-capabilities').replaceChildren(...s.capabilities.map((c) => chip('capability', c, new URLSearchParams())));
  $('d-rating').textContent = stars(s.rating, s.ratingCount);
  $('d-downloads').textContent = plugin.versions.reduce((sum, v) => sum + v.downloads, 0);
  downloadsChart(plugin, downloads);
  ratingsChart(plugin);
  showDocument('d-readme-section', 'd-readme', files.readme, 'Read me');
  showDocument('d-changelog-section', 'd-changelog', files.changelog, 'Changes');
  const fits = files.runtime ? files.runtime.compatible : {};
  $('d-versions').tBodies[0].replaceChildren(...plugin.versions.map((v) => {
    const row = el('tr', null, { 'data-version': v.version });
    const fit = files.runtime ? (fits[v.version] ? '✓' : '✗') : '?';
    row.append(el('td', v.version), el('td', v.published.slice(0, 10)), el('td', runtimeRange(v.runtimeFilter),
      { title: v.runtimeFilter || 'no runtime requirement' }), el('td', fit, { class: 'fit' }),
    el('td', v.permissions.join(', ') || 'none'), el('td', v.downloads));
    return row;
  }));
  const latest = plugin.versions[0];
  $('d-dependencies').replaceChildren(...latest.dependencies.map((d) => el('li', d)));
  $('d-validation').replaceChildren(...(latest.validation.length ? latest.validation : ['no findings'])
    .map((f) => el('li', f)));
  $('d-reviews').replaceChildren(...plugin.reviews.map((r) => {
    const item = el('li');
    item.append(el('strong', r.user), ' ' + '★'.repeat(r.stars) + ' ', el('span', r.updated.slice(0, 10),
      { class: 'muted' }));
    if (r.text) item.append(el('p', r.text));
    return item;
  }));
  $('rate-form').dataset.name = s.name;
}

async function rate(event) {
  event.preventDefault();
  const name = $('rate-form').dataset.name;
  try {
    await api('plugins/' + encodeURIComponent(name) + '/ratings', {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: $('r-user').value.trim(), stars: Number($('r-stars').value),
        review: $('r-text').value })
    });
    $('r-text').value = '';
    await render();
    $('r-message').textContent = 'Thank you!';
  } catch (error) {
    $('r-message').textContent = error.message;
  }
}

// ------------------------------------------------------------------------------------------- analytics

async function analytics(mine) {
  show('analytics', 'Analytics');
  const a = await api('analytics');
  if (mine !== renderCount) return;
  $('a-totals').textContent = a.plugins + ' plugins, ' + a.versions + ' versions, ' + a.downloads + ' downloads';
  const days = dayRange(Object.keys(a.perDay));
  barChart($('a-chart'), { title: 'Downloads per day, all plugins', xLabel: 'Day (UTC)', yLabel: 'Downloads',
    categories: days.map((d) => d.slice(5)), categoryTitles: days,
    series: [{ name: 'downloads', values: days.map((d) => a.perDay[d] || 0) }], empty: 'No downloads yet.' });
  $('a-top').replaceChildren(...a.top.map((t) => {
    const item = el('li');
    item.append(el('a', t.name, { href: href('plugins/' + encodeURIComponent(t.name)) }), ' — ' + t.downloads);
    return item;
  }));
  const runtimes = Object.keys(a.byRuntime);
  barChart($('a-runtimes'), { title: 'Downloads by the runtime version that asked', xLabel: 'Runtime version',
    yLabel: 'Downloads', categories: runtimes, series: [{ name: 'downloads', values: runtimes.map((r) => a.byRuntime[r]) }],
    empty: 'No downloads yet.' });
}

// ------------------------------------------------------------------------------------------------ routes

/** The page's path below its base ("" for browse). */
function viewPath() {
  const path = location.pathname;
  return path.startsWith(BASE.pathname) ? path.slice(BASE.pathname.length) : null;
}

async function render() {
  const mine = ++renderCount;
  const path = viewPath();
  const params = new URL(location.href).searchParams;
  try {
    if (path === '' || path === 'index.html') {
      await browse(params, mine);
    } else if (path === 'analytics') {
      await analytics(mine);
    } else if (path && /^plugins\/[^/]+$/.test(path)) {
      await details(decodeURIComponent(path.slice('plugins/'.length)), params, mine);
    } else {
      notFound('There is no page at ' + location.pathname + '.', null);
    }
  } catch (error) {
    if (mine === renderCount) showError(error);
  }
}

/** Addresses of the old page (#/plugin/NAME, #/analytics) still work. */
function legacyHash() {
  const hash = location.hash;
  if (hash.startsWith('#/plugin/')) return href('plugins/' + hash.slice('#/plugin/'.length));
  if (hash === '#/analytics') return href('analytics');
  if (hash === '#/') return href('./');
  return null;
}

function isPageLink(anchor, event) {
  if (!anchor || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey || anchor.target || anchor.hasAttribute('download')) return false;
  const url = new URL(anchor.href, BASE);
  if (url.origin !== BASE.origin || !url.pathname.startsWith(BASE.pathname)) return false;
  const rest = url.pathname.slice(BASE.pathname.length);
  return rest === '' || rest === 'analytics' || rest.startsWith('plugins/') || rest === 'index.html';
}

document.addEventListener('click', (event) => {
  const anchor = event.target instanceof Element ? event.target.closest('a[href]') : null;
  if (isPageLink(anchor, event)) {
    event.preventDefault();
    go(anchor.href);
  }
});
$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  go(href('./', formParams()));
});
$('clear-filters').addEventListener('click', () => {
  ['tag', 'capability', 'vendor', 'minRating', 'runtime'].forEach((field) => { $(field).value = ''; });
  go(href('./', formParams()));
});
$('prev').addEventListener('click', () => toPage(-1));
$('next').addEventListener('click', () => toPage(1));
$('rate-form').addEventListener('submit', rate);
$('d-copy').addEventListener('click', async () => {
  const text = $('d-repo-add').textContent + '\n' + $('d-install').textContent + '\n';
  const copied = await copyText(text);
  $('d-copy-status').textContent = copied ? 'Copied to the clipboard.' : 'Could not copy; select the lines and copy them.';
  $('d-copy').dataset.copied = copied ? text : '';
});
$('d-icon').addEventListener('error', () => { $('d-icon').hidden = true; });
window.addEventListener('popstate', render);

const legacy = legacyHash();
if (legacy) go(legacy, true);
else render();
