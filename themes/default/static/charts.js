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
 *
 * In a bulletin's print layout (`<html data-print>`, printed to PDF by
 * bantin, which supplies ECharts), every chart is drawn at once, without
 * animation, and `data-charts-done` on the root element says when the
 * page is ready to print.
 */
(function () {
  'use strict';

  var me = document.currentScript;
  var runtime = null;
  var print = document.documentElement.hasAttribute('data-print');

  /* ECharts, loaded once; rejects if it cannot be. */
  function loadRuntime() {
    if (!runtime) {
      runtime = new Promise(function (resolve, reject) {
        if (window.echarts) return resolve();
        var src = me && me.getAttribute('data-echarts');
        if (!src) return reject();
        var script = document.createElement('script');
        script.src = src;
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
  /* Bars on a narrow screen: their labels go above them, so the bars
     get the whole width (beside them, labels took two thirds of a
     phone's). */
  var NARROW = 560;
  var BAR = 14;

  /* A label in lines of at most `width` pixels, broken between words
     only: punctuation stays with the word before it ("răng," never
     starts a line), a word longer than a line has one of its own. */
  function wrap(text, width) {
    var lines = [];
    var line = '';
    String(text).split(/\s+/).forEach(function (word) {
      if (!word) return;
      var tried = line ? line + ' ' + word : word;
      if (line && textWidth(tried) > width) {
        lines.push(line);
        line = word;
      } else {
        line = tried;
      }
    });
    if (line) lines.push(line);
    return lines;
  }

  /* What a chart needs before ECharts comes: its labels wrapped to the
     width there is and its height, set at once so the page does not
     move when the chart is drawn. */
  function layout(spec, el) {
    var option = spec.option;
    var width = el.clientWidth || 600;
    var narrow = width < NARROW;
    var bars = false;
    [].concat(option.yAxis || []).forEach(function (a) {
      if (a.type === 'category') bars = true;
    });
    [].concat(option.xAxis || [], option.yAxis || []).forEach(function (a) {
      if (a.type !== 'category') return;
      var labels = a.data || [];
      var n = labels.length || 1;
      var labelWidth = bars ? (narrow ? width - 32 : Math.max(96, Math.round(width * 0.36)))
                            : Math.max(40, Math.round((width - 80) / n) - 6);
      var lines = labels.map(function (l) { return wrap(l, labelWidth); });
      a.axisLabel = a.axisLabel || {};
      a.axisLabel.formatter = function (v, i) {
        return (lines[i] || [String(v)]).join('\n');
      };
      a.axisLabel.overflow = 'none';
      a.axisLabel.lineHeight = LINE_HEIGHT;
      if (!bars) return;
      var series = option.series.length;
      var legend = option.legend ? 36 : 0;
      var total = 36 + legend;
      // ECharts gives every row the same band, as tall as the row whose
      // label has the most lines needs.
      var most = Math.max.apply(null, lines.map(function (l) { return l.length; }).concat([1]));
      if (narrow) {
        // The label above its bar, from the left edge.
        a.position = 'left';
        a.axisLabel.inside = true;
        a.axisLabel.align = 'left';
        a.axisLabel.verticalAlign = 'bottom';
        a.axisLabel.padding = [0, 0, Math.round(BAR * series / 2) + 4, 0];
        a.axisLine = { show: false, onZero: false };
        a.axisTick = { show: false };
        a.z = 10;
        option.series.forEach(function (s) { if (s.type === 'bar') s.barWidth = BAR; });
        total += lines.length * (most * LINE_HEIGHT + BAR * series + 16);
        // The labels are inside the plot: the grid leaves room only for
        // the figures at the bars' ends and the axis below.
        [].concat(option.grid || []).forEach(function (g) {
          g.containLabel = false;
          // ECharts 6 also keeps labels inside the chart's bounds by
          // shrinking the grid: not these, which are inside it already.
          g.outerBoundsMode = 'none';
          g.left = 20;
          g.right = 52;
          g.bottom = 28;
        });
      } else {
        total += lines.length * Math.max(most * LINE_HEIGHT + 10, 12 + series * 14);
      }
      el.style.height = Math.max(total, 140) + 'px';
    });
    spec.narrow = narrow;
    spec.bars = bars;
    spec.few = !bars && [].concat(option.xAxis || []).some(function (a) {
      return a.type === 'category' && (a.data || []).length <= 2;
    });
    return spec;
  }

  function prepare(spec, el) {
    var option = spec.option;
    // Paper shows the last frame only.
    if (print) option.animation = false;
    var missing = spec.missing || '..';
    option.series.forEach(function (s, i) {
      if (s.type === 'bar' && !s.barWidth) s.barMaxWidth = 56;
      var meta = spec.series[i] || {};
      var nf = numberFormat(meta.decimals, meta.change);
      s.tooltip = {
        valueFormatter: function (v) {
          var x = plain(v);
          return x === null ? missing : withUnit(nf.format(x), meta.unit);
        }
      };
      // Two periods: the line's points carry their figures too, as the
      // bars do, or a reader sees a dot with no number.
      if (s.type === 'line' && spec.few) s.label = { show: true, position: 'top' };
      if (s.label && s.label.show) {
        s.label.formatter = function (p) {
          var x = plain(p.value);
          return x === null ? '' : nf.format(x);
        };
      }
    });
    var axisFormat = numberFormat(null, false);
    [].concat(option.xAxis || [], option.yAxis || []).forEach(function (a) {
      a.axisLabel = a.axisLabel || {};
      if (a.type === 'value') {
        a.axisLabel.formatter = function (v) { return axisFormat.format(v); };
        a.axisLabel.hideOverlap = true;
        if (spec.bars) a.splitNumber = spec.narrow ? 3 : 5;
        a.nameTextStyle = { color: '#3d4752' };
      }
      a.axisLabel.fontSize = LABEL_SIZE;
      a.axisLabel.color = '#1f2933';
    });
    return option;
  }

  var specs = {};

  /* A chart's spec, read and laid out once. */
  function specOf(el) {
    if (!specs[el.id]) {
      var source = document.getElementById(el.getAttribute('data-chart'));
      if (!source) return null;
      specs[el.id] = layout(JSON.parse(source.textContent), el);
    }
    return specs[el.id];
  }

  function draw(el) {
    var spec = specOf(el);
    if (!spec) return;
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
    var done = function () {
      document.documentElement.setAttribute('data-charts-done', '');
    };
    if (!charts.length) return done();
    // Every chart's place takes its final height now, before any is drawn.
    charts.forEach(function (el) {
      try { specOf(el); } catch (e) { /* drawn or replaced by its table below */ }
    });
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
    if (print) {
      loadRuntime().then(function () { charts.forEach(safeDraw); }, showTablesInstead)
        .then(done, done);
      return;
    }
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
