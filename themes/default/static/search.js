// The search page: Pagefind's index, fetched piece by piece as the reader
// types (https://pagefind.app). Everything comes from this site; the
// strings come from the page, in its language.
(function () {
  "use strict";
  var form = document.querySelector("form[data-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-search-status]");
  var list = document.querySelector("[data-search-results]");
  var more = document.querySelector("[data-search-more]");
  var say = form.dataset;
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  var PAGE = 10;
  var pagefind = null;
  var results = [];
  var shown = 0;
  // Each query gets a number; answers to an older one are dropped.
  var current = 0;
  var timer = null;

  function phrase(template, n, q) {
    return template.replace("{n}", numbers.format(n)).replace("{q}", q);
  }

  function load() {
    if (!pagefind) {
      // The index is in parts (bantin-parts.json lists each language's):
      // the first carries Pagefind's script, the others are merged in.
      pagefind = fetch(say.pagefind + "bantin-parts.json")
        .then(function (r) {
          if (!r.ok) throw new Error("no search index");
          return r.json();
        })
        .then(function (all) {
          var lang = document.documentElement.lang || "und";
          var parts = all[lang] || all[Object.keys(all)[0]] || [];
          if (!parts.length) throw new Error("no search index");
          var folder = function (p) { return say.pagefind + p + "/"; };
          return import(folder(parts[0]) + "pagefind.js").then(function (pf) {
            // Pages are indexed by their address from the site's root;
            // the site's path goes before it (not guessed from the script's).
            return pf.options({ baseUrl: say.base })
              .then(function () { return pf.init(); })
              .then(function () {
                return Promise.all(parts.slice(1).map(function (p) {
                  return pf.mergeIndex(folder(p), { baseUrl: say.base });
                }));
              })
              .then(function () { return pf; });
          });
        });
      // A failed load is tried again with the next query.
      pagefind.catch(function () { pagefind = null; });
    }
    return pagefind;
  }

  // Pagefind marks matches in its excerpts with <mark>. The excerpt is
  // parsed in an inert document and only its text and marks are kept.
  function excerpt(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var parts = [];
    doc.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        parts.push(mark);
      } else {
        parts.push(document.createTextNode(node.textContent));
      }
    });
    return parts;
  }

  function item(data) {
    var li = document.createElement("li");
    var heading = document.createElement("h2");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    heading.append(link);
    li.append(heading);
    if (data.meta.period) {
      var period = document.createElement("p");
      period.className = "small search-period";
      period.textContent = data.meta.period;
      li.append(period);
    }
    var text = document.createElement("p");
    text.append.apply(text, excerpt(data.excerpt || ""));
    li.append(text);
    return li;
  }

  function showMore(query, focus) {
    var batch = results.slice(shown, shown + PAGE);
    return Promise.all(batch.map(function (r) { return r.data(); })).then(function (found) {
      if (query !== current) return;
      var first = null;
      found.forEach(function (data) {
        var li = item(data);
        first = first || li;
        list.append(li);
      });
      shown += found.length;
      more.hidden = shown >= results.length;
      // After "show more", keyboard users carry on from the first new one.
      if (focus && first) first.querySelector("a").focus();
    });
  }

  function run(text) {
    var query = ++current;
    var q = text.trim();
    var url = new URL(window.location.href);
    if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
    window.history.replaceState(null, "", url);
    list.replaceChildren();
    more.hidden = true;
    results = [];
    shown = 0;
    if (!q) {
      status.textContent = "";
      return;
    }
    status.textContent = say.searching;
    load().then(function (pf) {
      return pf.search(q);
    }).then(function (search) {
      if (query !== current) return;
      results = search.results;
      var template = results.length === 0 ? say.none : results.length === 1 ? say.one : say.many;
      status.textContent = phrase(template, results.length, q);
      return showMore(query, false);
    }).catch(function () {
      if (query === current) status.textContent = say.unavailable;
    });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { run(input.value); }, 200);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    window.clearTimeout(timer);
    run(input.value);
  });
  more.addEventListener("click", function () { showMore(current, true); });

  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    run(asked);
  } else {
    input.focus();
  }
})();
