// The charts of a `corpus report` page: the timeline of events and the entity network, drawn with
// Apache ECharts (inlined before this script) from the JSON in <script id="data">. The tables
// under the charts are in the HTML already; this script only adds the charts and the panels
// that a click fills. Nothing is fetched: the page's Content-Security-Policy forbids it.
//
// #status tells a reader, and the end-to-end test, how drawing went: data-state="ok" once every
// chart is built, with what the charts hold as read back from them (data-timeline-items,
// data-graph-nodes, data-graph-edges); data-state="error" and the message when anything failed.
(function () {
  'use strict';
  var status = document.getElementById('status');

  function fail(message) {
    status.setAttribute('data-state', 'error');
    status.setAttribute('data-error', String(message));
    status.textContent = 'The charts could not be drawn: ' + message + '. The tables below hold the same figures.';
  }
  window.addEventListener('error', function (e) { fail(e.message || 'script error'); });
  window.addEventListener('unhandledrejection', function (e) {
    fail(e.reason && e.reason.message ? e.reason.message : String(e.reason));
  });

  var data = JSON.parse(document.getElementById('data').textContent);
  var articles = {};
  data.articles.forEach(function (a) { articles[a.id] = a; });
  var css = getComputedStyle(document.documentElement);
  function colour(name) { return css.getPropertyValue('--' + name).trim(); }
  var number = new Intl.NumberFormat('en');

  // ---- small DOM helpers: text only, never HTML built from the data -----------------------
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function articleItem(id) {
    var a = articles[id];
    var li = el('li');
    if (!a) { li.appendChild(el('span', id, 'id')); return li; }
    li.appendChild(el('span', a.title || '(untitled)'));
    var who = [a.source, a.published ? a.published.substring(0, 10) : null].filter(Boolean).join(', ');
    li.appendChild(el('span', ' — ' + (who || 'unknown outlet') + ' ', 'who'));
    li.appendChild(el('code', id));
    return li;
  }
  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function clip(s, n) { s = String(s || ''); return s.length > n ? s.substring(0, n - 1) + '…' : s; }
  // "a, b, c" and, when the data holds only the first of them, " and 4 more".
  function names(list, total, separator) {
    var shown = list.join(separator);
    return total > list.length ? shown + ' and ' + number.format(total - list.length) + ' more' : shown;
  }
  function reveal(id) { var e = document.getElementById(id); e.hidden = false; return e; }
  // Row i of a fallback table answers a click or Enter by showing item i.
  function rowsOpen(tableId, show) {
    var table = document.getElementById(tableId);
    if (!table) { return; }
    table.addEventListener('click', function (e) {
      var row = e.target.closest('tr[data-i]');
      if (row) { show(Number(row.getAttribute('data-i'))); }
    });
    table.addEventListener('keydown', function (e) {
      var row = e.target.closest('tr[data-i]');
      if (row && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); show(Number(row.getAttribute('data-i'))); }
    });
  }
  function day(s) { return new Date(s + 'T00:00:00Z').getTime(); }

  // ---- 1. the timeline ----------------------------------------------------------------------
  var PRECISIONS = ['day', 'month', 'year'];
  var SYMBOLS = { day: 'circle', month: 'rect', year: 'diamond' };

  function drawTimeline() {
    var events = data.timeline.events;
    if (events.length === 0) { return { items: 0 }; }
    var box = reveal('timeline-chart');
    reveal('timeline-legend');
    var detail = reveal('timeline-detail');
    var chart = echarts.init(box, null, { renderer: 'canvas' });
    var maxReports = events.reduce(function (m, e) { return Math.max(m, e.reports); }, 1);
    function point(e, i) {
      // A month or a year stands at its middle, a day on itself.
      var x = (day(e.from) + day(e.to)) / 2;
      return { value: [x, e.reports], index: i, symbolSize: Math.min(30, 6 + 4 * Math.sqrt(e.reports)) };
    }
    // The view opens on the newest nine tenths of the events: a few old dates ("the 1961 treaty")
    // would otherwise squeeze the rest into a corner. The slider shows, and reaches, them all.
    var xs = events.map(function (e) { return (day(e.from) + day(e.to)) / 2; }).sort(function (a, b) { return a - b; });
    var opening = xs[Math.floor(xs.length / 10)];
    var series = PRECISIONS.map(function (p) {
      return {
        id: p, name: p, type: 'scatter', symbol: SYMBOLS[p],
        itemStyle: { color: colour(p), opacity: 0.8, borderColor: '#ffffff', borderWidth: 1 },
        data: events.map(point).filter(function (d) { return events[d.index].precision === p; })
      };
    });
    series.push({
      id: 'conflict', name: 'date conflict', type: 'scatter', symbol: 'triangle', z: 5,
      itemStyle: { color: colour('conflict') },
      data: events.map(point).filter(function (d) { return events[d.index].conflict; })
        .map(function (d) { d.symbolSize = 12; d.symbolOffset = [0, -16]; return d; })
    });
    chart.setOption({
      animation: false,
      grid: { left: 56, right: 24, top: 24, bottom: 84 },
      tooltip: {
        trigger: 'item', confine: true, extraCssText: 'max-width: 28rem; white-space: normal;',
        formatter: function (p) {
          var e = events[p.data.index];
          return '<b>' + escapeHtml(e.date) + '</b> (' + e.precision + ') · ' + number.format(e.reports) + ' report' +
            (e.reports === 1 ? '' : 's') + (e.conflict ? ' · <b>date conflict</b>' : '') + '<br>' +
            escapeHtml(clip(e.sentence, 240)) + '<br><i>' + escapeHtml(clip(names(e.sources, e.sourceCount, ', '), 160)) + '</i>';
        }
      },
      xAxis: { type: 'time', name: 'date', nameLocation: 'end' },
      yAxis: {
        type: maxReports > 50 ? 'log' : 'value', name: 'reports', minInterval: 1, min: maxReports > 50 ? 1 : 0,
        splitLine: { lineStyle: { color: '#eeeeee' } }
      },
      dataZoom: [
        { type: 'slider', xAxisIndex: 0, filterMode: 'weakFilter', bottom: 16, height: 26, startValue: opening },
        { type: 'inside', xAxisIndex: 0, filterMode: 'weakFilter', startValue: opening }
      ],
      series: series
    });
    function show(i) {
      var e = events[i];
      clear(detail);
      detail.appendChild(el('h3', e.date + ' · ' + number.format(e.reports) + ' report' + (e.reports === 1 ? '' : 's')));
      if (e.conflict) { detail.appendChild(el('p', 'A page dates this differently from the rest of the corpus (see the conflicts below).', 'tag warn')); }
      var q = el('p');
      q.appendChild(el('q', e.sentence));
      detail.appendChild(q);
      detail.appendChild(el('p', 'Said as “' + e.text + '”; ' + e.precision + ' ' + (e.from === e.to ? e.from : e.from + ' to ' + e.to) + '.', 'hint'));
      detail.appendChild(el('h3', 'Outlets'));
      detail.appendChild(el('p', names(e.sources, e.sourceCount, ', ') || 'unknown'));
      detail.appendChild(el('h3', e.reports > e.articles.length ? 'First ' + e.articles.length + ' of the articles' : 'Articles'));
      var ul = el('ul');
      e.articles.forEach(function (id) { ul.appendChild(articleItem(id)); });
      detail.appendChild(ul);
    }
    chart.on('click', function (p) { if (p.data && p.data.index !== undefined) { show(p.data.index); } });
    rowsOpen('timeline-table', show);
    var option = chart.getOption();
    var items = option.series.filter(function (s) { return PRECISIONS.indexOf(s.id) >= 0; })
      .reduce(function (n, s) { return n + s.data.length; }, 0);
    return { chart: chart, items: items };
  }

  // ---- 2. the entity network ----------------------------------------------------------------
  var TYPES = ['PERSON', 'ORG', 'LOC', 'MISC', 'NORP'];
  var TYPE_NAMES = { PERSON: 'people', ORG: 'organisations', LOC: 'places', MISC: 'other names', NORP: 'groups, nationalities' };

  function drawNetwork() {
    var nodes = data.network.nodes;
    var edges = data.network.edges;
    if (nodes.length === 0) { return { nodes: 0, edges: 0 }; }
    var box = reveal('network-chart');
    var detail = reveal('network-detail');
    var filter = reveal('network-filter');
    var chart = echarts.init(box, null, { renderer: 'canvas' });
    var present = TYPES.filter(function (t) { return nodes.some(function (n) { return n.type === t; }); });
    var maxMentions = nodes.reduce(function (m, n) { return Math.max(m, n.mentions); }, 1);
    var maxWeight = edges.reduce(function (m, e) { return Math.max(m, e.weight); }, 1);
    var index = {};
    nodes.forEach(function (n, i) { index[n.id] = i; });
    chart.setOption({
      tooltip: {
        confine: true,
        formatter: function (p) {
          if (p.dataType === 'edge') {
            return escapeHtml(nodes[index[p.data.source]].name) + ' – ' + escapeHtml(nodes[index[p.data.target]].name) + ': ' +
              number.format(p.data.value) + ' article' + (p.data.value === 1 ? '' : 's') + ' together';
          }
          var n = nodes[p.dataIndex];
          return '<b>' + escapeHtml(n.name) + '</b> (' + n.type + ')<br>' + number.format(n.articles) + ' articles, ' +
            number.format(n.mentions) + ' mentions';
        }
      },
      legend: { show: false, data: present.map(function (t) { return TYPE_NAMES[t]; }) },
      series: [{
        id: 'network', type: 'graph', layout: 'force', roam: true, draggable: true,
        categories: present.map(function (t) { return { name: TYPE_NAMES[t], itemStyle: { color: colour(t) } }; }),
        data: nodes.map(function (n, i) {
          return {
            id: n.id, name: n.name, value: n.articles, category: present.indexOf(n.type),
            symbolSize: 8 + 34 * Math.sqrt(n.mentions / maxMentions),
            label: { show: i < 30 }
          };
        }),
        links: edges.map(function (e) {
          return { source: e.source, target: e.target, value: e.weight, lineStyle: { width: 0.6 + 4 * e.weight / maxWeight } };
        }),
        label: { position: 'right', fontSize: 11, color: '#33414e' },
        labelLayout: { hideOverlap: true },
        lineStyle: { color: 'source', opacity: 0.3, curveness: 0.08 },
        emphasis: { focus: 'adjacency', label: { show: true }, lineStyle: { opacity: 0.8 } },
        // Laid out at once (no animation): from a circle, so the same data gives the same picture.
        force: { initLayout: 'circular', repulsion: 90, edgeLength: [30, 140], gravity: 0.3, friction: 0.15, layoutAnimation: false },
        zoom: 0.8
      }]
    });
    // The type filter: the HTML checkboxes drive the chart's legend (hidden), so the keyboard reaches them.
    filter.addEventListener('change', function (e) {
      var t = e.target.getAttribute('data-type');
      if (t) { chart.dispatchAction({ type: e.target.checked ? 'legendSelect' : 'legendUnSelect', name: TYPE_NAMES[t] }); }
    });
    function show(i) {
      var n = nodes[i];
      clear(detail);
      detail.appendChild(el('h3', n.name));
      detail.appendChild(el('p', n.type + ' · ' + number.format(n.articles) + ' articles · ' + number.format(n.mentions) + ' mentions', 'hint'));
      if (n.aliases.length) {
        detail.appendChild(el('h3', 'Also written'));
        detail.appendChild(el('p', names(n.aliases, n.aliasCount, '; ')));
      }
      if (n.roles.length) {
        detail.appendChild(el('h3', 'Roles outlets give'));
        var roles = el('ul');
        n.roles.forEach(function (r) { roles.appendChild(el('li', r.role + ' — ' + (r.source || 'unknown outlet'))); });
        detail.appendChild(roles);
      }
      var neighbours = edges.filter(function (e) { return e.source === n.id || e.target === n.id; }).slice(0, 8);
      if (neighbours.length) {
        detail.appendChild(el('h3', 'Named most with'));
        var with_ = el('ul');
        neighbours.forEach(function (e) {
          var other = nodes[index[e.source === n.id ? e.target : e.source]];
          with_.appendChild(el('li', other.name + ' (' + number.format(e.weight) + ')'));
        });
        detail.appendChild(with_);
      }
      detail.appendChild(el('h3', 'Newest articles'));
      var ul = el('ul');
      n.recent.forEach(function (id) { ul.appendChild(articleItem(id)); });
      detail.appendChild(ul);
      chart.dispatchAction({ type: 'downplay', seriesIndex: 0 });
      chart.dispatchAction({ type: 'highlight', seriesIndex: 0, dataIndex: i });
    }
    chart.on('click', function (p) { if (p.dataType === 'node') { show(p.dataIndex); } });
    rowsOpen('network-table', show);
    var s = chart.getOption().series[0];
    return { chart: chart, nodes: s.data.length, edges: s.links.length };
  }

  var timeline = drawTimeline();
  var network = drawNetwork();
  // The tables stay, folded, under the charts they back.
  Array.prototype.forEach.call(document.querySelectorAll('details[data-fold]'), function (d) { d.open = false; });
  window.addEventListener('resize', function () {
    [timeline.chart, network.chart].forEach(function (c) { if (c) { c.resize(); } });
  });
  status.setAttribute('data-timeline-items', String(timeline.items));
  status.setAttribute('data-graph-nodes', String(network.nodes));
  status.setAttribute('data-graph-edges', String(network.edges));
  if (status.getAttribute('data-state') !== 'error') {
    status.setAttribute('data-state', 'ok');
    status.textContent = 'Charts drawn: ' + number.format(timeline.items) + ' events, ' + number.format(network.nodes) +
      ' entities, ' + number.format(network.edges) + ' links.';
  }
})();
