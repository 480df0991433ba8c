// A plugin's Bundle-License header as licence names with links. The header is
//   license ( ',' license )*    license ::= name ( ';' ( 'link' | 'description' ) '=' value )*
// where name is usually an SPDX id ("Apache-2.0"), sometimes an SPDX expression ("MIT OR Apache-2.0")
// or, in old bundles, the licence's URL.
'use strict';

const NAMES = {
  '0BSD': 'BSD Zero Clause License',
  'AGPL-3.0-only': 'GNU Affero General Public License v3.0 only',
  'AGPL-3.0-or-later': 'GNU Affero General Public License v3.0 or later',
  'Apache-1.1': 'Apache License 1.1',
  'Apache-2.0': 'Apache License 2.0',
  'BSD-2-Clause': 'BSD 2-Clause "Simplified" License',
  'BSD-3-Clause': 'BSD 3-Clause "New" or "Revised" License',
  'BSL-1.0': 'Boost Software License 1.0',
  'CC0-1.0': 'Creative Commons Zero v1.0 Universal',
  'CC-BY-4.0': 'Creative Commons Attribution 4.0 International',
  'CDDL-1.0': 'Common Development and Distribution License 1.0',
  'CDDL-1.1': 'Common Development and Distribution License 1.1',
  'EPL-1.0': 'Eclipse Public License 1.0',
  'EPL-2.0': 'Eclipse Public License 2.0',
  'EUPL-1.2': 'European Union Public License 1.2',
  'GPL-2.0': 'GNU General Public License v2.0',
  'GPL-2.0-only': 'GNU General Public License v2.0 only',
  'GPL-2.0-or-later': 'GNU General Public License v2.0 or later',
  'GPL-3.0': 'GNU General Public License v3.0',
  'GPL-3.0-only': 'GNU General Public License v3.0 only',
  'GPL-3.0-or-later': 'GNU General Public License v3.0 or later',
  'ISC': 'ISC License',
  'LGPL-2.1': 'GNU Lesser General Public License v2.1',
  'LGPL-2.1-only': 'GNU Lesser General Public License v2.1 only',
  'LGPL-2.1-or-later': 'GNU Lesser General Public License v2.1 or later',
  'LGPL-3.0': 'GNU Lesser General Public License v3.0',
  'LGPL-3.0-only': 'GNU Lesser General Public License v3.0 only',
  'LGPL-3.0-or-later': 'GNU Lesser General Public License v3.0 or later',
  'MIT': 'MIT License',
  'MPL-2.0': 'Mozilla Public License 2.0',
  'Unlicense': 'The Unlicense',
  'UPL-1.0': 'Universal Permissive License v1.0',
  'Zlib': 'zlib License',
};
const BY_LOWER_CASE = Object.fromEntries(Object.keys(NAMES).map((id) => [id.toLowerCase(), id]));
const OPERATORS = new Set(['AND', 'OR', 'WITH']);

function httpUrl(text) {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

/** Splits at the separator outside double quotes. */
function split(text, separator) {
  const parts = [];
  let current = '', quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (c === separator && !quoted) {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p);
}

/** One SPDX id (or any other word) as {name, id, url}; url null when there is nothing to link to. */
function term(word, link) {
  const id = BY_LOWER_CASE[word.toLowerCase()];
  if (id) return { id, name: NAMES[id], url: link || 'https://spdx.org/licenses/' + id + '.html' };
  return { id: word, name: word, url: link };
}

/**
 * The licences of a Bundle-License header: a list of parts, each a list of pieces
 * {name, id, url} or {operator} (for SPDX expressions).
 */
export function licences(header) {
  if (!header || !header.trim()) return [];
  return split(header, ',').map((clause) => {
    const [name, ...attributes] = split(clause, ';');
    const values = Object.fromEntries(attributes.map((a) => {
      const at = a.indexOf('=');
      return at < 0 ? [a, ''] : [a.slice(0, at).trim().toLowerCase(), a.slice(at + 1).trim().replace(/^"(.*)"$/, '$1')];
    }));
    const link = values.link ? httpUrl(values.link) : null;
    const bare = name.replace(/^"(.*)"$/, '$1');
    const asUrl = httpUrl(bare);
    if (asUrl) {
      return [{ id: null, name: values.description || asUrl, url: asUrl }];
    }
    const words = bare.replace(/[()]/g, ' ').split(/\s+/).filter((w) => w);
    if (words.some((w) => OPERATORS.has(w))) {
      return words.map((w) => (OPERATORS.has(w) ? { operator: w.toLowerCase() } : term(w, null)));
    }
    const single = term(bare, link);
    if (values.description && !BY_LOWER_CASE[bare.toLowerCase()]) single.name = values.description;
    return [single];
  });
}
