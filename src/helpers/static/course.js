/* Stronger Miles page script: draws the lesson figures with the shared local plotly.min.js
   and links multi-parameter controls (see helpers/explore.py). No network access. */
(function () {
  "use strict";

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

  window.smPlot = function (id) {
    var gd = document.getElementById(id);
    var source = document.getElementById(id + "-data");
    if (!gd || !source || !window.Plotly) { return; }
    var fig = JSON.parse(source.textContent);
    Plotly.newPlot(gd, fig.data, fig.layout, fig.config).then(function () {
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
})();
