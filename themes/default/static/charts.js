/* bantin: draws a page's charts with ECharts.
 *
 * Each chart's option is embedded beside its container as JSON, built by
 * bantin. JSON cannot carry functions, so this script adds what needs
 * one: numbers in the page's language (ECharts alone prints 5,718.5 on a
 * Vietnamese page), long labels wrapped to the space there is, and a click
 * on a period that opens its bulletin. Charts are drawn as they come into
 * view, in SVG, so text stays sharp and the page stays light. ECharts
 * itself (the address in this script's data-echarts) is fetched when the
 * first chart nears the view, not before: the page's text shows first,
 * and a reader who never scrolls to a chart never downloads it.
 */
(function () {
  'use strict';

  var me = document.currentScript;
  var runtime = null;

  /* ECharts, loaded once; rejects if it cannot be. */
  function loadRuntime() {
    if (!runtime) {
      runtime = new Promise(function (resolve, reject) {
        if (window.echarts) return resolve();
        var script = document.createElement('script');
        script.src = me && me.getAttribute('data-echarts');
        script.onload = function () { if (window.echarts) resolve(); else reject(); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return runtime;
  }

  var lang = document.documentElement.lang || 'en';
  var formats = {};

  /* A cached Intl.NumberFormat: `decimals` fixed, or as many as written. */
  function numberFormat(decimals, signed) {
    var key = decimals + '/' + signed;
    if (!formats[key]) {
      var o = { useGrouping: 'always' };
      if (decimals === null || decimals === undefined) {
        o.maximumFractionDigits = 10;
      } else {
        o.minimumFractionDigits = decimals;
        o.maximumFractionDigits = decimals;
      }
      if (signed) o.signDisplay = 'exceptZero';
      formats[key] = new Intl.NumberFormat(lang, o);
    }
    return formats[key];
  }

  function plain(v) {
    if (Array.isArray(v)) v = v[v.length - 1];
    if (v !== null && typeof v === 'object') v = v.value;
    return typeof v === 'number' && isFinite(v) ? v : null;
  }

  function withUnit(text, unit) {
    if (!unit) return text;
    return unit === '%' ? text + '%' : text + '\u00a0' + unit;
  }

  var measureContext = null;
  function textWidth(text) {
    if (!measureContext) {
      measureContext = document.createElement('canvas').getContext('2d');
      measureContext.font = LABEL_SIZE + 'px sans-serif';
    }
    return measureContext.measureText(text).width;
  }

  var LABEL_SIZE = 13;
  var LINE_HEIGHT = 17;

  /* Horizontal bars: give each row the room its wrapped label needs. */
  function fitHeight(el, labels, labelWidth, seriesCount, legend) {
    var total = 0;
    labels.forEach(function (label) {
      var lines = Math.ceil(textWidth(label) / (labelWidth * 0.9)) || 1;
      total += Math.max(lines * LINE_HEIGHT + 10, 12 + seriesCount * 14);
    });
    total += 36 + (legend ? 36 : 0);
    el.style.height = Math.max(total, 140) + 'px';
  }

  function prepare(spec, el) {
    var option = spec.option;
    var missing = spec.missing || '..';
    option.series.forEach(function (s, i) {
      if (s.type === 'bar') s.barMaxWidth = 56;
      var meta = spec.series[i] || {};
      var nf = numberFormat(meta.decimals, meta.change);
      s.tooltip = {
        valueFormatter: function (v) {
          var x = plain(v);
          return x === null ? missing : withUnit(nf.format(x), meta.unit);
        }
      };
      if (s.label && s.label.show) {
        s.label.formatter = function (p) {
          var x = plain(p.value);
          return x === null ? '' : nf.format(x);
        };
      }
    });
    var axisFormat = numberFormat(null, false);
    var width = el.clientWidth || 600;
    var bars = false;
    [].concat(option.yAxis || []).forEach(function (a) {
      if (a.type === 'category') bars = true;
    });
    [].concat(option.xAxis || [], option.yAxis || []).forEach(function (a) {
      a.axisLabel = a.axisLabel || {};
      if (a.type === 'value') {
        a.axisLabel.formatter = function (v) { return axisFormat.format(v); };
        a.axisLabel.hideOverlap = true;
        if (bars) a.splitNumber = width < 480 ? 3 : 5;
        a.nameTextStyle = { color: '#3d4752' };
      } else if (a.type === 'category') {
        var n = (a.data || []).length || 1;
        a.axisLabel.width = bars ? Math.max(96, Math.round(width * 0.36))
                                 : Math.max(40, Math.round((width - 80) / n) - 6);
        a.axisLabel.overflow = 'break';
        a.axisLabel.lineHeight = LINE_HEIGHT;
        if (bars) fitHeight(el, a.data || [], a.axisLabel.width, option.series.length, !!option.legend);
      }
      a.axisLabel.fontSize = LABEL_SIZE;
      a.axisLabel.color = '#1f2933';
    });
    return option;
  }

  function draw(el) {
    var source = document.getElementById(el.getAttribute('data-chart'));
    if (!source) return;
    var spec = JSON.parse(source.textContent);
    var chart = echarts.init(el, null, {
      renderer: 'svg',
      locale: lang === 'vi' ? 'VI' : 'EN'
    });
    chart.setOption(prepare(spec, el));
    chart.on('click', function (p) {
      var href = spec.hrefs && spec.hrefs[p.dataIndex];
      if (href) window.location.href = href;
    });
    if (window.ResizeObserver) {
      new ResizeObserver(function () { chart.resize(); }).observe(el);
    } else {
      window.addEventListener('resize', function () { chart.resize(); });
    }
    el.setAttribute('data-drawn', 'true');
  }

  function showTablesInstead() {
    document.querySelectorAll('.chart').forEach(function (el) { el.hidden = true; });
    document.querySelectorAll('.chart-table').forEach(function (t) { t.hidden = false; });
    document.querySelectorAll('.chart-toggle').forEach(function (b) { b.hidden = true; });
  }

  function start() {
    document.querySelectorAll('.chart-toggle').forEach(function (button) {
      button.addEventListener('click', function () {
        var table = document.getElementById(button.getAttribute('aria-controls'));
        var open = table.hidden;
        table.hidden = !open;
        button.setAttribute('aria-expanded', String(open));
        button.textContent = button.getAttribute(open ? 'data-hide' : 'data-show');
      });
    });
    var charts = document.querySelectorAll('.chart[data-chart]');
    if (!charts.length) return;
    var safeDraw = function (el) {
      try {
        draw(el);
      } catch (e) {
        // A chart that cannot be drawn still has its table.
        var table = document.getElementById(el.id + '-tableview');
        el.hidden = true;
        if (table) table.hidden = false;
        if (window.console) console.warn('bantin: chart ' + el.id + ' not drawn: ' + e);
      }
    };
    // Without ECharts (blocked, offline), every chart shows its table.
    var drawWhenReady = function (el) {
      loadRuntime().then(function () { safeDraw(el); }, showTablesInstead);
    };
    if (!window.IntersectionObserver) {
      charts.forEach(drawWhenReady);
      return;
    }
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          seen.unobserve(entry.target);
          drawWhenReady(entry.target);
        }
      });
    }, { rootMargin: '200px 0px' });
    charts.forEach(function (el) { seen.observe(el); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
