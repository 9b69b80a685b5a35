'use strict';
// The Hotline operator console: reads the node's API (same origin, bearer token) and draws three
// views: #/ concerns and deadlines, #/concerns/ID one concern's signed history, #/channels the
// channels' accounts. Every piece of data goes into the page as text (textContent), never as markup:
// summaries, notes and log excerpts come from partners and from attackers' log lines.
(() => {
  const TOKEN_KEY = 'hotline-console-token';
  const TERMINAL = new Set(['closed', 'rejected', 'withdrawn']);
  const OUTCOMES = ['on-time', 'late', 'overdue', 'open', 'paused', 'lifted'];
  const main = document.getElementById('main');
  let self = null;
  // Each render's number: one that answers after a later one was asked for (a redraw of a slow list,
  // then a click on a concern) draws nothing, or the page shows a view its address does not name.
  let drawing = 0;

  // The token arrives once in the URL's fragment (never sent to a server), alone (#token=T) or after a
  // view (#/concerns/ID&token=T); it is kept for this tab only, and taken out of the address bar.
  function token() {
    const m = /(^#|&)token=([^&]+)/.exec(location.hash);
    if (m) {
      // As given if it is no percent-encoding (cut short when copied): the API then says it is wrong,
      // where a URIError here, before any view is drawn, left the page at "Loading…".
      let t = m[2];
      try { t = decodeURIComponent(t); } catch (e) { /* as given */ }
      sessionStorage.setItem(TOKEN_KEY, t);
      const route = location.hash.replace(m[0], m[1] === '#' ? '#' : '');
      history.replaceState(null, '', location.pathname + (route.length > 1 ? route : '#/'));
    }
    return sessionStorage.getItem(TOKEN_KEY);
  }

  async function api(path) {
    const t = token();
    if (!t) {
      throw new Error('This page needs the console token. Open the address `hotline serve` printed (it ends in #token=…),'
        + ' or add #token= and the contents of console.token in the node\'s home to this address.');
    }
    const r = await fetch(path, { headers: { Authorization: 'Bearer ' + t }, cache: 'no-store' });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      if (r.status === 401) sessionStorage.removeItem(TOKEN_KEY);
      throw new Error((body.reason || ('HTTP ' + r.status)) + ' (' + r.status + ')');
    }
    return body;
  }

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'onclick') e.addEventListener('click', v);
      else if (k === 'ontoggle') e.addEventListener('toggle', v);
      else if (k === 'style') e.style.cssText = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
    for (const k of kids.flat()) {
      if (k === null || k === undefined || k === false) continue;
      e.append(k instanceof Node ? k : document.createTextNode(visible(String(k))));
    }
    return e;
  }

  // Bidirectional controls (a right-to-left override, say) in a partner's text or a log line would
  // reorder what the page writes after them on the line: "21 source(s)" read "12", a hash reversed.
  // They are shown as what they are, <U+202E>, and not obeyed. Letters of right-to-left scripts need none.
  const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
  function visible(text) {
    return text.replace(BIDI, c => '<U+' + c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0') + '>');
  }

  function span(text, cls, title) { return el('span', { class: cls, title }, text); }

  function duration(ms) {
    const s = Math.round(Math.abs(ms) / 1000);
    const d = Math.floor(s / 86400), h = Math.floor(s % 86400 / 3600), m = Math.floor(s % 3600 / 60);
    if (d > 0) return d + 'd ' + h + 'h';
    if (h > 0) return h + 'h ' + m + 'm';
    return m > 0 ? m + 'm' : s + 's';
  }

  function when(iso) {
    if (!iso) return span('–', 'muted');
    const ms = Date.parse(iso) - Date.now();
    return span(ms >= 0 ? 'in ' + duration(ms) : duration(ms) + ' ago', null, iso);
  }

  // ISO-8601 durations as the API gives them (PT2H30M, P3DT4H): shown as "3d 4h".
  function took(iso) {
    if (!iso) return '';
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso);
    if (!m) return iso;
    return duration(((+(m[1] || 0) * 24 + +(m[2] || 0)) * 60 + +(m[3] || 0)) * 60000 + +(m[4] || 0) * 1000);
  }

  // "amber+strict" is no class name the style sheet can match: its class is tlp-amber-strict.
  function tlp(t) { return span('TLP:' + t.toUpperCase(), 'badge tlp-' + t.replace('+', '-')); }
  function state(s) { return span(s, 'badge state'); }

  function deadline(c) {
    if (!c.deadline) return span('nothing owed', 'muted');
    const d = c.deadline;
    return el('span', { class: c.overdue ? 'overdue-text' : null },
      d.obligation + ' by ' + d.party + ', ', when(d.due), c.overdue ? ' — OVERDUE' : '');
  }

  function table(headers, rows) {
    return el('table', {}, el('thead', {}, el('tr', {}, headers.map(h => el('th', {}, h)))), el('tbody', {}, rows));
  }

  // Sections that are absent (null) or several (arrays) are allowed, as in el().
  function show(...nodes) {
    main.replaceChildren(...nodes.flat(2).filter(n => n !== null && n !== undefined && n !== false));
  }

  // Thrown by a view whose render is no longer the latest, instead of drawing.
  const STALE = new Error('stale');
  function current(mine) {
    if (mine !== drawing) throw STALE;
  }

  function failed(e) {
    show(el('div', { class: 'error', role: 'alert' }, el('b', {}, 'The console cannot show this. '), e.message));
  }

  // The map's outlines (pre-projected, as the HTML report draws them), fetched once per page: ~90 kB.
  let outlines = null;
  async function mapOutlines() {
    if (!outlines) {
      const r = await fetch('/world-map.tsv');
      if (!r.ok) throw new Error('the map\'s outlines did not load (HTTP ' + r.status + ')');
      let box = '0 0 1000 494';
      const shapes = [];
      for (const line of (await r.text()).split('\n')) {
        if (line.startsWith('#viewBox ')) box = line.slice(9);
        else if (line && !line.startsWith('#')) {
          const [code, name, d] = line.split('\t');
          shapes.push({ code, name, d });
        }
      }
      outlines = { box, shapes, names: new Map(shapes.map(s => [s.code, s.name])) };
    }
    return outlines;
  }

  // The HTML report's classes and colours (ColorBrewer "Reds"), by percent of the sources.
  const SHARE_BOUNDS = [1, 2, 5, 10, 20, Infinity];
  const SHARE_FILLS = ['#fee5d9', '#fcbba1', '#fc9272', '#fb6a4a', '#de2d26', '#a50f15'];
  const NO_SHARE = '#e4e4e4';
  function shareFill(p) { return p > 0 ? SHARE_FILLS[SHARE_BOUNDS.findIndex(b => p < b)] : NO_SHARE; }

  const SVG_NS = 'http://www.w3.org/2000/svg';
  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text !== undefined) e.textContent = visible(text);
    return e;
  }

  function countryName(code, geo) {
    return code ? code + (geo.names.has(code) ? ' ' + geo.names.get(code) : '') : 'unknown location';
  }

  // Where the sources named in concerns' materials are located, as `hotline concern origins` counts them.
  function originsSection(o, geo, all) {
    const rows = new Map(o.countries.filter(r => r.country).map(r => [r.country, r]));
    const describe = r => r.sources + ' source(s) (' + r.share.toFixed(1) + ' % of ' + o.sources + '), at least ' + r.events
      + ' event(s), in ' + r.concerns + ' concern(s)';
    const map = svg('svg', { id: 'origin-map', class: 'map', viewBox: geo.box, role: 'img',
      'aria-label': 'world map: where the sources named in ' + (all ? 'all' : 'open') + ' concerns are located' });
    for (const s of geo.shapes) {
      const r = rows.get(s.code);
      const dot = s.d.startsWith('@');
      const [x, y] = dot ? s.d.slice(1).split(',') : [];
      const shape = dot ? svg('circle', { cx: x, cy: y, r: r ? 3.5 : 1.5 }) : svg('path', { d: s.d });
      shape.setAttribute('fill', shareFill(r ? r.share : 0));
      shape.setAttribute('data-cc', s.code);
      shape.append(svg('title', {}, s.name + ': ' + (r ? describe(r) + '; click to list them' : 'no source named')));
      if (r) {
        shape.setAttribute('data-sources', r.sources);
        shape.setAttribute('class', 'named');
        shape.addEventListener('click', () => { location.hash = byCountry(r.country); });
      }
      map.append(shape);
    }
    const shown = o.countries.slice(0, 15);
    const scope = q => '#/' + (q ? '?origins=all' : '');
    // The concerns that name a source located in a country (null: of unknown location), in the same scope.
    const byCountry = cc => '#/?' + (all ? 'origins=all&' : '') + 'country=' + encodeURIComponent(cc || 'unknown');
    return [
      el('h2', {}, 'Where the sources named in ' + (all ? 'all' : 'open') + ' concerns are located'),
      el('p', { class: 'muted' }, el('a', { href: scope(false), class: all ? null : 'current' }, 'open concerns'), ' · ',
        el('a', { href: scope(true), class: all ? 'current' : null }, 'all concerns'), ' — ',
        el('span', { id: 'origins-summary' }, o.sources
          ? o.sources + ' source address(es), at least ' + o.events + ' event(s), named in the materials of '
            + o.concerns_with_materials + ' of ' + o.concerns + ' concern(s)'
          : 'no source address named in the materials of ' + o.concerns + ' concern(s)')),
      el('div', { class: 'origins' }, map, o.countries.length ? table(['Country', 'Sources', 'Share', 'Events (at least)', 'Concerns'],
        shown.map(r => el('tr', { 'data-cc': r.country || '', class: 'link', onclick: () => { location.hash = byCountry(r.country); } },
          el('td', {}, countryName(r.country, geo)), el('td', {}, r.sources),
          el('td', {}, r.share.toFixed(1) + ' %'), el('td', {}, r.events), el('td', {}, r.concerns)))) : null),
      o.countries.length > shown.length ? el('p', { class: 'muted' }, (o.countries.length - shown.length)
        + ' more countr(ies): hotline concern origins' + (all ? ' --all' : '') + ' lists them all.') : null,
      el('p', { class: 'legend' }, el('span', {}, el('i', { style: 'background:' + NO_SHARE }), 'none'),
        SHARE_FILLS.map((f, i) => el('span', {}, el('i', { style: 'background:' + f }),
          (i === 0 ? '< 1' : i === SHARE_FILLS.length - 1 ? '≥ ' + SHARE_BOUNDS[i - 1] : SHARE_BOUNDS[i - 1] + '–' + SHARE_BOUNDS[i]) + ' %'))),
      el('p', { class: 'muted' }, 'Share of the source addresses; each address counts once, where the newest materials naming it'
        + ' locate it: where it is registered or routed, not who used it. Map: Natural Earth (public domain), through'
        + ' world-atlas 2.0.2 (ISC licence, Mike Bostock); Equal Earth projection.')];
  }

  // The map and its table, or why they are missing: the list of concerns is drawn either way.
  async function origins(all) {
    try {
      const [o, geo] = await Promise.all([api('/api/origins' + (all ? '?scope=all' : '')), mapOutlines()]);
      return { section: originsSection(o, geo, all), data: o, geo };
    } catch (e) {
      return { section: [el('h2', {}, 'Where the named sources are located'),
        el('div', { class: 'error' }, 'The map cannot be shown: ' + e.message)] };
    }
  }

  // #/ : what is owed, by whom, by when; overdue first; where the named sources are.
  async function concernsView(query, mine) {
    const all = await api('/api/concerns');
    const params = new URLSearchParams(query);
    const allOrigins = params.get('origins') === 'all';
    const located = await origins(allOrigins);
    current(mine);
    // A concern whose stored history the node cannot read comes as {id, error}: named, never dropped.
    const broken = all.filter(c => c.error !== undefined);
    // Clicked on the map: only the concerns that name a source located in that country.
    const country = params.get('country');
    const countryRow = country && located.data ? located.data.countries.find(r => (r.country || 'unknown') === country) : null;
    const picked = country ? new Set(countryRow ? countryRow.concern_ids : []) : null;
    const readable = all.filter(c => c.error === undefined && (!picked || picked.has(c.id)));
    const open = readable.filter(c => !TERMINAL.has(c.state));
    const ended = readable.filter(c => TERMINAL.has(c.state));
    const overdue = open.filter(c => c.overdue);
    titled(all);
    const byUs = open.filter(c => c.deadline && c.deadline.party === self);
    const byThem = open.filter(c => c.deadline && c.deadline.party !== self);
    open.sort((a, b) => (b.overdue - a.overdue) || due(a) - due(b) || Date.parse(b.updated) - Date.parse(a.updated));
    ended.sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated));
    const row = c => el('tr', { class: 'link' + (c.overdue ? ' overdue' : ''), 'data-id': c.id, onclick: () => { location.hash = '#/concerns/' + c.id; } },
      el('td', {}, state(c.state)), el('td', {}, tlp(c.tlp)), el('td', {}, c.filer + ' → ' + c.recipient),
      el('td', {}, el('a', { href: '#/concerns/' + c.id }, c.summary), el('div', { class: 'muted' }, c.kind + ', ' + c.severity,
        c.set_aside_count > 0 ? ', ' + c.set_aside_count + ' step(s) set aside by a fork' : '')),
      el('td', {}, deadline(c)), el('td', {}, when(c.updated)));
    const headers = ['State', 'TLP', 'Filed by → to', 'Concern', 'Owed next', 'Updated'];
    show(
      el('h1', {}, 'Concerns'),
      el('div', { class: 'tiles' },
        el('div', { class: 'tile' }, el('b', { id: 'open-count' }, open.length), 'open'),
        el('div', { class: 'tile' + (overdue.length ? ' alert' : '') }, el('b', { id: 'overdue-count' }, overdue.length), 'overdue'),
        el('div', { class: 'tile' }, el('b', {}, byUs.length), 'waiting on us (' + self + ')'),
        el('div', { class: 'tile' }, el('b', {}, byThem.length), 'waiting on partners'),
        el('div', { class: 'tile' }, el('b', {}, ended.length), 'ended')),
      country ? el('p', { class: 'filter', id: 'country-filter' }, 'Showing the ' + readable.length + ' concern(s) that name a source located in '
        + (located.geo ? countryName(country === 'unknown' ? null : country, located.geo) : country) + ' — ',
        el('a', { href: '#/' + (allOrigins ? '?origins=all' : '') }, 'show all concerns')) : null,
      broken.length ? el('div', { class: 'error', role: 'alert', id: 'unreadable' },
        el('b', {}, broken.length + ' concern(s) this node cannot read, and so cannot show or count: '),
        el('ul', {}, broken.map(c => el('li', {}, el('code', {}, c.id), ': ' + c.error)))) : null,
      el('h2', {}, 'Open'),
      open.length ? table(headers, open.map(row)) : el('p', { class: 'muted' }, 'No open concerns.'),
      located.section,
      el('h2', {}, 'Ended'),
      ended.length ? table(headers, ended.map(row)) : el('p', { class: 'muted' }, 'None yet.'));
  }

  // A pinned tab says when something is overdue, whichever view it shows.
  function titled(all) {
    const overdue = all.filter(c => c.error === undefined && !TERMINAL.has(c.state) && c.overdue).length;
    document.title = (overdue ? '(' + overdue + ' overdue) ' : '') + 'Hotline · ' + self;
  }

  function due(c) { return c.deadline ? Date.parse(c.deadline.due) : Number.MAX_SAFE_INTEGER; }

  const BODY_FIELDS = [['summary', 'Summary'], ['description', 'Description'], ['concern_kind', 'Kind'], ['severity', 'Severity'],
    ['request', 'Request'], ['note', 'Note'], ['findings', 'Findings'], ['outcome', 'Outcome'], ['reason', 'Reason']];

  function body(b) {
    const dl = el('dl');
    for (const [k, label] of BODY_FIELDS) {
      if (b[k] !== undefined && b[k] !== null) dl.append(el('dt', {}, label), el('dd', {}, b[k]));
    }
    if (Array.isArray(b.actions) && b.actions.length) dl.append(el('dt', {}, 'Actions'), el('dd', {}, b.actions.join('\n')));
    if (b.materials) {
      const m = b.materials;
      dl.append(el('dt', {}, 'Materials'), el('dd', {}, (m.description || m.id) + ': '
        + (m.sightings || []).length + ' source(s), ' + (m.excerpts || []).length + ' log excerpt(s)' + (m.report ? ', an origin report' : '')));
    }
    return dl;
  }

  function step(m, aside) {
    return el('li', { class: aside ? 'aside' : null, 'data-kind': m.kind },
      el('div', { class: 'step-head' }, span(m.kind, 'kind'), span('by ' + m.author), when(m.created),
        span(m.created, 'muted'), m.hash ? span('sha256 ' + m.hash.slice(0, 16) + '…', 'hash muted', m.hash) : null),
      aside ? el('p', { class: 'late' }, 'Set aside by a fork: ' + m.note) : null,
      body(m.body || {}));
  }

  function stamp(iso) { return iso ? span(iso.replace('T', ' ').replace(/(\.\d+)?Z$/, ''), null, iso) : '–'; }

  function bars(id, entries) {
    const max = Math.max(...entries.map(e => e[1]), 1);
    return el('div', { class: 'bars', id }, entries.flatMap(([label, n]) =>
      [el('span', {}, label), el('div', { class: 'bar', style: 'width:' + (100 * n / max).toFixed(1) + '%' }), el('span', {}, n)]));
  }

  function tally(sightings, key) {
    const m = new Map();
    sightings.forEach(s => m.set(key(s), (m.get(key(s)) || 0) + (s.count || 0)));
    return [...m.entries()].sort((a, b) => b[1] - a[1]);
  }

  // Events by network: one bar per AS number, however the sets name its holder (two databases, or
  // two versions of one, spell it differently), labelled with the first name given.
  function networks(sightings) {
    const names = new Map();
    sightings.forEach(s => { if (s.asn !== undefined && s.as_organization && !names.has(s.asn)) names.set(s.asn, s.as_organization); });
    return tally(sightings, s => s.asn !== undefined ? 'AS' + s.asn : 'no ASN')
      .map(([key, n]) => [key === 'no ASN' || !names.has(+key.slice(2)) ? key : key + ' ' + names.get(+key.slice(2)), n]);
  }

  // Whether the operator unfolded or folded each set of materials (by the set): the page is drawn
  // anew every 15 s, which folded a long set again while it was being read.
  const unfolded = new Map();

  // The concern's materials: each set once (the same set may be attached again), newest last, with
  // the events of all their sources by country and by network. "The same" by content, not by id: the
  // id is the sender's to choose, and a second set under the first one's id must not be hidden.
  function materials(history) {
    const seen = new Set(), sets = [];
    for (const m of history) {
      const x = m.body && m.body.materials;
      const key = x && JSON.stringify(x);
      if (x && !seen.has(key)) {
        seen.add(key);
        sets.push({ m, x, key });
      }
    }
    if (!sets.length) return [el('p', { class: 'muted' }, 'No materials yet.')];
    const all = sets.flatMap(s => s.x.sightings || []);
    const out = [];
    if (all.length) {
      out.push(el('p', { class: 'muted' }, 'Events seen from the named sources, by the country their addresses are registered in'
        + ' (where an address is routed, not who used it), and by network:'),
        bars('country-bars', tally(all, s => s.country || '??')),
        bars('network-bars', networks(all).slice(0, 8)));
    }
    for (const { m, x, key } of sets) {
      const sightings = x.sightings || [], excerpts = x.excerpts || [];
      const open = unfolded.has(key) ? unfolded.get(key) : sightings.length <= 20;
      out.push(el('details', { class: 'materials', open, ontoggle: e => unfolded.set(key, e.target.open) },
        el('summary', {}, el('b', {}, x.description || x.id), ': ' + sightings.length + ' source(s), '
          + sightings.reduce((n, s) => n + (s.count || 0), 0) + ' event(s), ' + excerpts.length + ' log excerpt(s); from the '
          + m.kind + ' by ' + m.author + ', ', when(m.created)),
        sightings.length ? table(['Address', 'Country', 'ASN', 'Network', 'Events', 'First seen', 'Last seen', 'Attack types'],
          sightings.map(s => el('tr', {}, el('td', {}, el('code', {}, s.address)), el('td', {}, s.country || '–'),
            el('td', {}, s.asn !== undefined ? 'AS' + s.asn : '–'), el('td', {}, s.as_organization || '–'), el('td', {}, s.count),
            el('td', {}, stamp(s.first_seen)), el('td', {}, stamp(s.last_seen)), el('td', {}, (s.attack_types || []).join(', '))))) : null,
        excerpts.map(e => el('div', {},
          el('div', { class: 'muted' }, e.file + ':' + e.line, e.file_sha256 ? ' (file sha256 ' + e.file_sha256 + ')' : ''),
          el('pre', {}, e.text))),
        x.report ? el('p', {}, 'Cut from the origin report ', el('b', {}, x.report.title), ' of ' + x.report.generated + ', sha256 ',
          el('code', {}, x.report.sha256), x.report.summary ? el('div', {}, x.report.summary) : null) : null));
    }
    return out;
  }

  // #/concerns/ID : the signed history, its check, what each side owed, the materials.
  async function concernView(id, mine) {
    const c = await api('/api/concerns/' + encodeURIComponent(id));
    current(mine);
    const v = c.verification;
    const check = v.draft ? span('draft: not signed yet', 'badge state')
      : v.ok ? span('signatures and hash chain verified', 'badge ok', 'every message verifies with its author\'s key and follows the one before')
        : span('history does NOT verify', 'badge bad');
    const stuck = (c.deliveries || []).filter(d => d.state !== 'delivered');
    show(
      el('p', {}, el('a', { href: '#/' }, '← Concerns')),
      el('h1', {}, c.summary),
      el('p', {}, state(c.state), ' ', tlp(c.tlp), ' ', span(c.severity, 'badge state'), ' ', span(c.kind, 'badge state'), ' ', check),
      el('dl', {}, el('dt', {}, 'Filed by'), el('dd', {}, c.filer + ' → ' + c.recipient + ', ', when(c.filed)),
        el('dt', {}, 'Owed next'), el('dd', {}, deadline(c)),
        el('dt', {}, 'You may next'), el('dd', { id: 'allowed-next' }, c.next_commands.length
          ? c.next_commands.map(n => 'hotline concern ' + n + ' ' + c.id).join('\n') : 'nothing'),
        el('dt', {}, 'Concern id'), el('dd', {}, el('code', {}, c.id))),
      v.problems.length ? el('div', { class: 'error', id: 'problems' }, el('b', {}, 'Problems found: '), el('ul', {}, v.problems.map(p => el('li', {}, p)))) : null,
      el('h2', {}, 'Obligations'),
      c.obligations && c.obligations.length ? table(['Obligation', 'Party', 'Since', 'Due', 'Outcome'], c.obligations.map(o => el('tr', {},
        el('td', {}, o.obligation), el('td', {}, o.party), el('td', {}, when(o.since)), el('td', {}, o.due ? when(o.due) : '–'),
        el('td', { class: o.outcome === 'late' || o.outcome === 'overdue' ? 'late' : null },
          o.outcome === 'on-time' ? 'in time' : o.outcome, o.took ? ', after ' + took(o.took) : ''))))
        : el('p', { class: 'muted' }, 'None yet.'),
      el('h2', {}, 'Materials'), ...materials(c.history),
      el('h2', {}, 'Signed history (' + c.history.length + ' message' + (c.history.length === 1 ? '' : 's') + ')'),
      el('ol', { class: 'timeline', id: 'history' }, c.history.map(m => step(m, false))),
      c.set_aside.length ? [el('h2', {}, 'Set aside by a fork'), el('ol', { class: 'timeline' }, c.set_aside.map(m => step(m, true)))] : null,
      stuck.length ? [el('h2', {}, 'Deliveries not yet accepted'), table(['Message', 'To', 'State', 'Attempts', 'Next try', 'Last error'],
        stuck.map(d => el('tr', {}, el('td', {}, el('code', {}, d.message)), el('td', {}, d.to), el('td', {}, d.state),
          el('td', {}, d.attempts), el('td', {}, when(d.next_attempt)), el('td', {}, d.last_error || '–'))))] : null);
  }

  function stacked(t) {
    const total = OUTCOMES.reduce((n, k) => n + (t[k.replace('-', '_')] || 0), 0);
    return el('div', { class: 'stack', title: OUTCOMES.map(k => k + ' ' + (t[k.replace('-', '_')] || 0)).join(', ') },
      OUTCOMES.filter(k => t[k.replace('-', '_')]).map(k => el('span', { class: 's-' + k, style: 'width:' + (100 * t[k.replace('-', '_')] / total) + '%' })));
  }

  function direction(d) {
    const owes = k => k === 'provide materials' ? d.filer : d.recipient;
    const rows = Object.entries(d.obligations).map(([k, t]) => el('tr', {}, el('td', {}, k + ' (' + owes(k) + ')'),
      el('td', {}, stacked(t)), el('td', {}, OUTCOMES.filter(o => t[o.replace('-', '_')]).map(o => o + ' ' + t[o.replace('-', '_')]).join(', '))));
    return el('div', {},
      el('h3', {}, d.filer + ' → ' + d.recipient + ': ' + d.concerns + ' concern(s)'),
      el('p', { class: 'muted' }, Object.entries(d.by_state).map(([s, n]) => s + ' ' + n).join(', ') || 'none'),
      rows.length && d.concerns ? table(['Obligation', 'Outcomes', ''], rows) : null,
      d.concerns === 0 ? null : el('p', { class: 'muted' }, 'Acknowledged in ' + (took(d.median_to_acknowledge) || '–') + ' (median), ' + (took(d.longest_to_acknowledge) || '–')
        + ' at most; answered in ' + (took(d.median_to_respond) || '–') + ' (median), ' + (took(d.longest_to_respond) || '–') + ' at most.'));
  }

  // #/channels[?since=DATE&until=DATE] : each channel's account over a period (by filing time), both
  // ways, with the digest the partner's report of the same period must match.
  async function channelsView(query, mine) {
    const params = new URLSearchParams(query);
    const accounts = await api('/api/report' + (query ? '?' + query : ''));
    current(mine);
    const since = el('input', { type: 'date', id: 'since', value: params.get('since') || null });
    const until = el('input', { type: 'date', id: 'until', value: params.get('until') || null });
    const apply = () => {
      const q = new URLSearchParams();
      if (since.value) q.set('since', since.value);
      if (until.value) q.set('until', until.value);
      location.hash = '#/channels' + (q.toString() ? '?' + q : '');
    };
    const period = params.get('since') || params.get('until')
      ? 'Concerns filed ' + (params.get('since') ? 'from ' + params.get('since') + ' ' : '') + (params.get('until') ? 'until ' + params.get('until') + ' (exclusive)' : 'until now')
      : 'All concerns, whenever filed';
    show(el('h1', {}, 'Channels'),
      el('p', { class: 'period' }, el('label', {}, 'From ', since), ' ', el('label', {}, 'until ', until), ' ',
        el('button', { type: 'button', id: 'apply-period', onclick: apply }, 'Show'), ' ',
        el('a', { href: '#/channels' }, 'all time'), ' — ', el('span', { id: 'period' }, period)),
      el('p', { class: 'legend' }, OUTCOMES.map(k => el('span', {}, el('i', { class: 's-' + k }), k))),
      accounts.length ? null : el('p', { class: 'muted' }, 'No channels yet; add one with `hotline channel add`.'),
      el('div', { class: 'cards' }, accounts.map(a => el('div', { class: 'card channel', 'data-partner': a.partner },
        el('h2', {}, a.self + ' ⇄ ' + a.partner), direction(a.filed_by_us), direction(a.filed_by_partner),
        el('p', { class: 'muted' }, 'Digest of every concern and its last message, to compare with ' + a.partner
          + '\'s own `hotline channel report` of the same period: ', el('code', { class: 'digest' }, a.digest))))));
  }

  async function render() {
    const route = location.hash.replace(/^#/, '') || '/';
    const mine = ++drawing;
    try {
      if (self === null) {
        const node = await api('/api/node');
        self = node.party.name;
        document.getElementById('party').textContent = node.party.name + ' (' + node.party.country + ')';
        document.title = 'Hotline · ' + node.party.name;
      }
      const [path, query] = route.split('?');
      const m = /^\/concerns\/(.+)$/.exec(path);
      if (m) await concernView(decodeURIComponent(m[1]), mine);
      else if (path === '/channels') await channelsView(query || '', mine);
      else await concernsView(query || '', mine);
      if (m || path === '/channels') {
        // The count only: a list that fails to come leaves the title as it was, not this view an error.
        const all = await api('/api/concerns').catch(() => null);
        current(mine);
        if (all) titled(all);
      }
      document.getElementById('clock').textContent = 'as of ' + new Date().toISOString().slice(0, 19).replace('T', ' ') + ' UTC';
      main.setAttribute('data-ready', route);
    } catch (e) {
      if (e === STALE || mine !== drawing) return;
      failed(e);
      main.setAttribute('data-ready', 'error');
    }
  }

  token();
  window.addEventListener('hashchange', render);
  // Not while the operator is typing a date: a redraw would take the field away.
  setInterval(() => { if (!document.hidden && !(document.activeElement instanceof HTMLInputElement)) render(); }, 15000);
  render();
})();
