/* Stronger Miles page script: draws the lesson figures with the shared local plotly.min.js
   and links multi-parameter controls (see helpers/explore.py); answers the search box; opens
   "On this page" beside the text on a wide screen. No network access. */
(function () {
  "use strict";

  // The site's root, from where this script was loaded (pages in handouts/ are one folder down).
  var script = document.currentScript;
  var ROOT = script ? script.src.replace(/_static\/course\.js(\?.*)?$/, "") : "";

  function stateKey(ex, idx) {
    return ex.params.map(function (_, i) { return idx[i]; }).join("|");
  }

  function linkControls(gd, ex) {
    var layout = gd.layout;
    // Current index of every parameter, starting at each control's active step.
    var sliderParams = [], menuParams = [];
    ex.params.forEach(function (name, i) {
      (ex.kinds[i] === "slider" ? sliderParams : menuParams).push(i);
    });
    var idx = ex.params.map(function () { return 0; });
    (layout.sliders || []).forEach(function (s, k) { idx[sliderParams[k]] = s.active || 0; });
    (layout.updatemenus || []).forEach(function (m, k) { idx[menuParams[k]] = m.active || 0; });

    function apply() {
      var key = stateKey(ex, idx);
      var update = ex.states[key];
      if (!update) { return; }
      Plotly.update(gd, update, ex.layouts[key] || {}).then(function () {
        return fitTitle(gd);
      }).then(function () {
        gd.dataset.state = key;
      });
    }
    gd.on("plotly_sliderchange", function (ev) {
      var k = (layout.sliders || []).indexOf(ev.slider);
      if (k < 0) { k = (gd.layout.sliders || []).findIndex(function (s) { return s.name === ev.slider.name; }); }
      idx[sliderParams[k]] = ev.slider.active;
      apply();
    });
    gd.on("plotly_buttonclicked", function (ev) {
      var k = (gd.layout.updatemenus || []).findIndex(function (m) { return m.name === ev.menu.name; });
      idx[menuParams[k]] = ev.active;
      apply();
    });
  }

  function overlap(a, b) {
    return a.width > 0 && b.width > 0 &&
      a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  // On a narrow screen (a phone in the gym) a long title can be wider than the figure, and a
  // legend above the plot wraps onto more rows and climbs into the title. Measure what was
  // drawn: shrink a title that does not fit (or break it into two lines rather than go below
  // 12 px), and when the title meets the legend or the plot, pin it to the top of the figure
  // and make the top margin hold the title and a legend above the plot, one under the other.
  function twoLines(text) {
    var middle = text.length / 2, best = -1;
    for (var k = 0; k < text.length; k++) {
      if (text[k] === " " && (best < 0 || Math.abs(k - middle) < Math.abs(best - middle))) { best = k; }
    }
    return best < 0 ? text : text.slice(0, best) + "<br>" + text.slice(best + 1);
  }

  function fitTitle(gd) {
    var title = gd.querySelector(".gtitle");
    var layoutTitle = (gd.layout && gd.layout.title) || {};
    var text = typeof layoutTitle === "string" ? layoutTitle : layoutTitle.text;
    if (!title || !text) { return Promise.resolve(); }
    var room = gd.getBoundingClientRect().width - 16;
    var width = title.getBoundingClientRect().width;
    var size = parseFloat(window.getComputedStyle(title).fontSize) || 17;
    var update = {}, moved = false;
    if (width > room) {
      var fit = Math.floor(size * room / width);
      if (fit >= 12 || text.indexOf("<br>") >= 0) {
        update["title.font.size"] = Math.max(fit, 9);
      } else {
        update["title.text"] = twoLines(text);
        update["title.font.size"] = Math.max(9, Math.min(size, Math.floor(size * room / (0.55 * width))));
        moved = true;
      }
    }
    var step = Object.keys(update).length ? Plotly.relayout(gd, update) : Promise.resolve();
    return step.then(function () {
      var t = gd.querySelector(".gtitle"), legend = gd.querySelector(".legend");
      var size = gd._fullLayout && gd._fullLayout._size;
      if (!t || !size) { return; }
      var top = gd.getBoundingClientRect().top;
      var a = t.getBoundingClientRect();
      // what sits between the title and the plot: a legend or a dropdown above the plot area
      var above = [legend].concat(Array.prototype.slice.call(gd.querySelectorAll(".updatemenu-header-group")))
        .filter(function (el) { return el; })
        .map(function (el) { return el.getBoundingClientRect(); })
        .filter(function (r) { return r.width > 0 && r.bottom - top <= size.t + 4; });
      var clash = above.some(function (r) { return overlap(a, r); }) || a.bottom - top > size.t - 2;
      if (!moved && !clash) { return; }
      var pad = 6;
      var below = Math.max.apply(null, [0].concat(above.map(function (r) { return r.height; })));
      return Plotly.relayout(gd, {
        "title.yref": "container", "title.y": 1, "title.yanchor": "top", "title.pad.t": pad,
        "margin.t": Math.ceil(3 * pad + a.height + below)
      }).then(function () {
        // plotly anchors a two-line title by its first line: move it down by what sticks out
        var box = gd.getBoundingClientRect(), now = gd.querySelector(".gtitle");
        var out = now ? box.top + pad - now.getBoundingClientRect().top : 0;
        if (out > 0.5) {
          return Plotly.relayout(gd, {"title.y": 1 - out / box.height});
        }
      });
    });
  }

  // The sticky header must not hide what a link or a script scrolls to.
  function headerRoom() {
    var top = document.querySelector(".sm-top");
    if (top) {
      document.documentElement.style.scrollPaddingTop =
        Math.ceil(top.getBoundingClientRect().height + 8) + "px";
    }
  }
  document.addEventListener("DOMContentLoaded", headerRoom);
  window.addEventListener("resize", headerRoom);

  window.smPlot = function (id) {
    var gd = document.getElementById(id);
    var source = document.getElementById(id + "-data");
    if (!gd || !source || !window.Plotly) { return; }
    var fig = JSON.parse(source.textContent);
    // Drawn, the figure holds plotly's controls (sliders, menus, toolbar): a figure with a
    // label, not an image, whose parts a screen reader would hide.
    gd.setAttribute("role", "figure");
    Plotly.newPlot(gd, fig.data, fig.layout, fig.config).then(function () {
      return fitTitle(gd);
    }).then(function () {
      gd.dataset.drawn = "1";
      // Time from a press on a control to the redrawn plot, for the browser tests and curious coaches.
      var pressed = null;
      gd.addEventListener("pointerdown", function () { pressed = performance.now(); }, true);
      gd.on("plotly_afterplot", function () {
        if (pressed !== null) {
          gd.dataset.redrawMs = (performance.now() - pressed).toFixed(1);
          gd.dataset.redraws = String(Number(gd.dataset.redraws || 0) + 1);
          pressed = null;
        }
      });
      var meta = fig.layout.meta || {};
      if (meta.explore) { linkControls(gd, meta.explore); }
    });
  };

  // Solutions: remember nothing, but let a coach open or close all at once with the keyboard (s).
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "s" || ev.target.closest("input, textarea, select")) { return; }
    var all = document.querySelectorAll("details.sm-solution");
    var open = Array.prototype.some.call(all, function (d) { return !d.open; });
    all.forEach(function (d) { d.open = open; });
  });

  // --- Search, from an index written at build time (helpers/publish/search.py) and loaded as a
  // script, since a page opened from disk may not fetch files.
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  var entries = null;
  function withIndex(then) {
    if (entries) { return then(); }
    function ready() {
      entries = (window.SM_SEARCH || []).map(function (e) {
        return {href: e[0] + "#" + e[1], heading: e[2], text: e[3], h: fold(e[2]), t: fold(e[3])};
      });
      then();
    }
    if (window.SM_SEARCH) { return ready(); }
    var tag = document.createElement("script");
    tag.src = ROOT + "_static/search-index.js";
    tag.onload = ready;
    document.head.appendChild(tag);
  }

  function escapeRe(word) { return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  // Entries holding every word of the query at the start of a word; headings count more.
  function find(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) { return []; }
    var patterns = words.map(function (w) { return new RegExp("(^|[^a-z0-9])" + escapeRe(w)); });
    var hits = [];
    entries.forEach(function (e, order) {
      var score = 0;
      for (var i = 0; i < patterns.length; i++) {
        if (patterns[i].test(e.h)) { score += 3; } else if (patterns[i].test(e.t)) { score += 1; } else { return; }
      }
      hits.push({e: e, score: score, order: order, word: words[0]});
    });
    return hits.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
  }

  function snippet(hit) {
    var at = hit.e.t.search(new RegExp("(^|[^a-z0-9])" + escapeRe(hit.word)));
    var start = Math.max(0, at - 50);
    return (start ? "…" : "") + hit.e.text.slice(start, start + 140) + "…";
  }

  function showHits(list, hits, limit) {
    list.textContent = "";
    hits.slice(0, limit).forEach(function (hit) {
      var item = document.createElement("li"), link = document.createElement("a");
      var more = document.createElement("span");
      link.href = ROOT + hit.e.href;
      link.textContent = hit.e.heading;
      more.textContent = snippet(hit);
      item.appendChild(link);
      item.appendChild(more);
      list.appendChild(item);
    });
  }

  function told(hits, query) {
    if (!hits.length) { return "Nothing in the course matches “" + query + "”."; }
    return hits.length + (hits.length === 1 ? " section matches" : " sections match") + " “" + query + "”.";
  }

  function searchBox(form) {
    var input = form.querySelector("input[type=search]");
    var panel = form.querySelector(".sm-results");
    var status = document.createElement("p"), list = document.createElement("ol");
    status.setAttribute("role", "status");
    list.className = "sm-hits";
    panel.appendChild(status);
    panel.appendChild(list);
    function update() {
      var query = input.value.trim();
      if (!query) { panel.hidden = true; return; }
      withIndex(function () {
        var hits = find(query);
        status.textContent = told(hits, query) + (hits.length > 8 ? " Enter shows them all." : "");
        showHits(list, hits, 8);
        panel.hidden = false;
      });
    }
    input.addEventListener("input", update);
    input.addEventListener("focus", function () { withIndex(function () {}); });
    form.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { panel.hidden = true; input.focus(); }
    });
    document.addEventListener("click", function (ev) {
      if (!form.contains(ev.target)) { panel.hidden = true; }
    });
  }

  function searchPage(list) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var input = document.getElementById("sm-q");
    if (input) { input.value = query; }
    if (!query.trim()) { return; }
    withIndex(function () {
      var hits = find(query.trim());
      document.getElementById("sm-search-status").textContent = told(hits, query.trim());
      showHits(list, hits, 200);
    });
  }

  // --- "On this page": open beside the text on a wide screen, folded on a phone.
  function outline(nav) {
    var details = nav.querySelector("details");
    var wide = window.matchMedia("(min-width: 1100px)");
    function fit() { details.open = wide.matches; }
    fit();
    wide.addEventListener("change", fit);
    nav.addEventListener("click", function (ev) {
      if (ev.target.closest("a") && !wide.matches) { details.open = false; }
    });
    // Mark the section being read: the last heading above the top third of the window.
    var links = Array.prototype.slice.call(nav.querySelectorAll("a"));
    var heads = links.map(function (a) { return document.getElementById(a.hash.slice(1)); });
    var queued = false;
    function mark() {
      queued = false;
      var current = -1;
      heads.forEach(function (h, i) {
        if (h && h.getBoundingClientRect().top < window.innerHeight / 3) { current = i; }
      });
      links.forEach(function (a, i) {
        if (i === current) { a.setAttribute("aria-current", "true"); } else { a.removeAttribute("aria-current"); }
      });
    }
    window.addEventListener("scroll", function () {
      if (!queued) { queued = true; window.requestAnimationFrame(mark); }
    }, {passive: true});
    mark();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.sm-search").forEach(searchBox);
    var page = document.getElementById("sm-search-page");
    if (page) { searchPage(page); }
    document.querySelectorAll("nav.sm-toc").forEach(outline);
  });
})();
