// Bar charts drawn as inline SVG, with a y axis (ticks and grid), labelled axes, a legend and each
// bar's value; no library, so the page works offline. Labels are set with textContent only.
'use strict';

const SVG = 'http://www.w3.org/2000/svg';
/** Colours told apart also by people with the common colour-vision deficiencies (Okabe–Ito). */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

function svg(tag, attributes, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attributes || {}).forEach(([key, value]) => node.setAttribute(key, String(value)));
  if (text !== undefined) node.textContent = String(text);
  return node;
}

/** A round axis maximum (1, 2 or 5 × 10^n) at or above max, and its tick step. */
export function niceScale(max, ticks = 4) {
  if (!(max > 0)) return { max: 1, step: 1 };
  const rough = max / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => s >= rough);
  const whole = Math.max(1, Math.round(step)); // counts are whole numbers
  const top = Math.ceil(max / whole) * whole;
  return { max: top, step: whole };
}

/**
 * Draws a grouped bar chart into container (replacing what it had).
 *
 * @param {Element} container where the chart goes
 * @param {{title: string, xLabel: string, yLabel: string, categories: string[], categoryTitles?: string[],
 *   series: {name: string, values: number[]}[], empty?: string}} chart one value per series and category
 */
export function barChart(container, chart) {
  container.replaceChildren();
  const total = chart.series.reduce((sum, s) => sum + s.values.reduce((a, b) => a + b, 0), 0);
  if (chart.categories.length === 0 || total === 0) {
    const note = document.createElement('p');
    note.className = 'muted empty';
    note.textContent = chart.empty || 'Nothing to show yet.';
    container.append(note);
    return;
  }
  const series = chart.series;
  const groups = chart.categories.length;
  const barWidth = Math.max(4, Math.min(28, Math.floor(560 / (groups * series.length))));
  const left = 56, right = 16, top = 16, plotHeight = 170;
  // a few groups share at least 260 pixels; many get what their bars need
  const groupWidth = Math.max(barWidth * series.length + Math.max(6, barWidth / 2), 260 / groups);
  const plotWidth = groups * groupWidth;
  const legendTop = top + plotHeight + 52;
  const legendColumns = Math.max(1, Math.floor(plotWidth / 110));
  const legendRows = Math.ceil(series.length / legendColumns);
  const width = left + plotWidth + right, height = legendTop + legendRows * 18 + 6;
  const scale = niceScale(Math.max(...series.flatMap((s) => s.values)));
  const y = (value) => top + plotHeight - (plotHeight * value) / scale.max;

  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', class: 'chart-svg' });
  root.append(svg('title', {}, chart.title));
  root.setAttribute('aria-label', chart.title);

  const axes = svg('g', { class: 'axes' });
  for (let tick = 0; tick <= scale.max; tick += scale.step) {
    axes.append(svg('line', { class: 'grid', x1: left, x2: left + plotWidth, y1: y(tick), y2: y(tick) }),
      svg('text', { class: 'tick y-tick', x: left - 6, y: y(tick) + 4, 'text-anchor': 'end' }, tick));
  }
  axes.append(svg('line', { class: 'axis', x1: left, x2: left, y1: top, y2: top + plotHeight }),
    svg('line', { class: 'axis', x1: left, x2: left + plotWidth, y1: top + plotHeight, y2: top + plotHeight }),
    svg('text', { class: 'axis-label x-label', x: left + plotWidth / 2, y: top + plotHeight + 36,
      'text-anchor': 'middle' }, chart.xLabel),
    svg('text', { class: 'axis-label y-label', x: -(top + plotHeight / 2), y: 14, 'text-anchor': 'middle',
      transform: 'rotate(-90)' }, chart.yLabel));
  root.append(axes);

  // label every category when they fit, else every n-th
  const labelEvery = Math.max(1, Math.ceil(40 / groupWidth));
  const bars = svg('g', { class: 'bars' });
  chart.categories.forEach((category, c) => {
    const x0 = left + c * groupWidth + (groupWidth - barWidth * series.length) / 2;
    const fullName = chart.categoryTitles ? chart.categoryTitles[c] : category;
    series.forEach((s, k) => {
      const value = s.values[c] || 0;
      const x = x0 + k * barWidth;
      const bar = svg('rect', { class: 'bar', x, y: y(value), width: Math.max(1, barWidth - 1),
        height: top + plotHeight - y(value), fill: PALETTE[k % PALETTE.length], 'data-series': s.name,
        'data-label': category, 'data-value': value });
      bar.append(svg('title', {}, (series.length > 1 ? s.name + ' · ' : '') + fullName + ': ' + value));
      bars.append(bar);
      if (value > 0 && barWidth >= 10) {
        bars.append(svg('text', { class: 'value', x: x + barWidth / 2, y: y(value) - 3, 'text-anchor': 'middle',
          'data-series': s.name, 'data-label': category }, value));
      }
    });
    if (c % labelEvery === 0) {
      bars.append(svg('text', { class: 'tick x-tick', x: x0 + (barWidth * series.length) / 2, y: top + plotHeight + 14,
        'text-anchor': 'middle' }, category));
    }
  });
  root.append(bars);

  const legend = svg('g', { class: 'legend' });
  series.forEach((s, k) => {
    const x = left + (k % legendColumns) * 110, row = legendTop + Math.floor(k / legendColumns) * 18;
    const sum = s.values.reduce((a, b) => a + b, 0);
    const entry = svg('g', { class: 'legend-entry', 'data-series': s.name });
    entry.append(svg('rect', { class: 'swatch', x, y: row - 10, width: 12, height: 12, fill: PALETTE[k % PALETTE.length] }),
      svg('text', { x: x + 17, y: row }, s.name + ' (' + sum + ')'));
    legend.append(entry);
  });
  root.append(legend);
  container.append(root);
}

/** The days from the first to the last key of perDay ('YYYY-MM-DD'), gaps filled, at most the last limit. */
export function dayRange(days, limit = 60) {
  const sorted = [...days].sort();
  if (sorted.length === 0) return [];
  const out = [];
  const end = new Date(sorted[sorted.length - 1] + 'T00:00:00Z');
  const first = new Date(sorted[0] + 'T00:00:00Z');
  for (let d = new Date(end); d >= first && out.length < limit; d.setUTCDate(d.getUTCDate() - 1)) {
    out.unshift(d.toISOString().slice(0, 10));
  }
  return out;
}
