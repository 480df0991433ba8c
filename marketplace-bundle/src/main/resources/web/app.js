// The marketplace web page: a client of the JSON API (docs/marketplace-api.md). Text from the API is
// only ever put into the page with textContent, never as HTML, so reviews and descriptions cannot inject markup.
'use strict';

const $ = (id) => document.getElementById(id);
const state = { page: 1, pageSize: 20 };

function el(tag, text, attributes) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, value));
  return node;
}

async function api(path, options) {
  const response = await fetch('api/' + path, options);
  const body = await response.json();
  if (!response.ok) throw new Error(body.message || ('HTTP ' + response.status));
  return body;
}

function showError(error) {
  $('error').textContent = error.message;
  $('error').hidden = false;
}

function show(section) {
  ['browse', 'details', 'analytics'].forEach((id) => { $(id).hidden = id !== section; });
  $('error').hidden = true;
}

function stars(rating, count) {
  return count ? rating.toFixed(1) + ' ★ (' + count + ')' : 'not rated yet';
}

/** A bar chart of label → value, drawn as SVG. */
function barChart(container, entries) {
  container.replaceChildren();
  if (entries.length === 0) { container.append(el('p', 'No downloads yet.', { class: 'muted' })); return; }
  const width = Math.max(300, entries.length * 40), height = 160, max = Math.max(...entries.map((e) => e[1]), 1);
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('width', width); svg.setAttribute('height', height + 30);
  entries.forEach(([label, value], i) => {
    const bar = document.createElementNS(svg.namespaceURI, 'rect');
    const barHeight = Math.round(height * value / max);
    bar.setAttribute('x', i * 40 + 5); bar.setAttribute('y', height - barHeight);
    bar.setAttribute('width', 30); bar.setAttribute('height', barHeight);
    bar.setAttribute('data-label', label); bar.setAttribute('data-value', value);
    const title = document.createElementNS(svg.namespaceURI, 'title');
    title.textContent = label + ': ' + value;
    bar.append(title);
    const text = document.createElementNS(svg.namespaceURI, 'text');
    text.setAttribute('x', i * 40 + 5); text.setAttribute('y', height + 14);
    text.textContent = String(label).slice(-5);
    svg.append(bar, text);
  });
  container.append(svg);
}

async function search() {
  const params = new URLSearchParams({ page: state.page, pageSize: state.pageSize });
  if ($('q').value.trim()) params.set('q', $('q').value.trim());
  if ($('tag').value.trim()) params.set('tag', $('tag').value.trim());
  if ($('sort').value) params.set('sort', $('sort').value);
  const result = await api('plugins?' + params);
  $('result-count').textContent = result.total + (result.total === 1 ? ' plugin' : ' plugins');
  $('results').replaceChildren(...result.items.map((p) => {
    const item = el('li', null, { 'data-name': p.name });
    item.append(el('a', p.title || p.name, { href: '#/plugin/' + encodeURIComponent(p.name) }), ' ',
      el('span', p.version, { class: 'muted' }), ' ', el('code', p.name), el('p', p.description || ''),
      el('span', stars(p.rating, p.ratingCount) + ' · ' + p.downloads + ' downloads · ' + (p.vendor || ''),
        { class: 'stats' }));
    return item;
  }));
  const pages = Math.max(1, Math.ceil(result.total / state.pageSize));
  $('page').textContent = 'page ' + state.page + ' of ' + pages;
  $('prev').disabled = state.page <= 1;
  $('next').disabled = state.page >= pages;
}

async function details(name) {
  const [plugin, downloads] = await Promise.all([api('plugins/' + encodeURIComponent(name)),
    api('plugins/' + encodeURIComponent(name) + '/downloads')]);
  const s = plugin.summary;
  $('d-title').textContent = s.title || s.name;
  $('d-description').textContent = s.description || '';
  $('d-name').textContent = s.name;
  $('d-version').textContent = s.version;
  $('d-vendor').textContent = s.vendor || '';
  $('d-license').textContent = plugin.license || '';
  $('d-contact').textContent = plugin.contact || '';
  $('d-doc').replaceChildren();
  if (plugin.docUrl && /^https?:\/\//.test(plugin.docUrl)) {
    $('d-doc').append(el('a', plugin.docUrl, { href: plugin.docUrl, rel: 'noopener noreferrer' }));
  }
  $('d-tags').textContent = s.tags.join(', ');
  $('d-rating').textContent = stars(s.rating, s.ratingCount);
  $('d-downloads').textContent = s.downloads;
  $('d-install').textContent = 'mb:install ' + s.name;
  barChart($('d-chart'), Object.entries(downloads.perDay));
  $('d-versions').tBodies[0].replaceChildren(...plugin.versions.map((v) => {
    const row = el('tr');
    row.append(el('td', v.version), el('td', v.published.slice(0, 10)), el('td', v.runtimeFilter || 'any'),
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
      { class: 'muted' }), el('p', r.text));
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
    $('r-message').textContent = 'Thank you!';
    $('r-text').value = '';
    await details(name);
  } catch (error) {
    $('r-message').textContent = error.message;
  }
}

async function analytics() {
  const a = await api('analytics');
  $('a-totals').textContent = a.plugins + ' plugins, ' + a.versions + ' versions, ' + a.downloads + ' downloads';
  barChart($('a-chart'), Object.entries(a.perDay));
  $('a-top').replaceChildren(...a.top.map((t) => {
    const item = el('li');
    item.append(el('a', t.name, { href: '#/plugin/' + encodeURIComponent(t.name) }), ' — ' + t.downloads);
    return item;
  }));
  barChart($('a-runtimes'), Object.entries(a.byRuntime));
}

async function route() {
  const hash = location.hash || '#/';
  try {
    if (hash.startsWith('#/plugin/')) {
      show('details');
      await details(decodeURIComponent(hash.slice('#/plugin/'.length)));
    } else if (hash === '#/analytics') {
      show('analytics');
      await analytics();
    } else {
      show('browse');
      await search();
    }
  } catch (error) {
    showError(error);
  }
}

$('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  state.page = 1;
  search().catch(showError);
});
$('prev').addEventListener('click', () => { state.page--; search().catch(showError); });
$('next').addEventListener('click', () => { state.page++; search().catch(showError); });
$('rate-form').addEventListener('submit', rate);
window.addEventListener('hashchange', route);
route();
