// The timeline (uPlot): claims per day, and one counted thing's figures by day and source.
(function () {
  "use strict";
  var t = JSON.parse(document.getElementById("timeline-data").textContent);
  function seconds(day) { return Date.parse(day + "T00:00:00Z") / 1000; }
  function width(el) { return Math.max(300, el.clientWidth || 800); }
  var vol = document.getElementById("volume");
  if (t.per_day.length) {
    new uPlot({ width: width(vol), height: 220, series: [{}, { label: "claims", stroke: "#0b5cad", fill: "rgba(11,92,173,0.1)" }] },
      [t.per_day.map(function (d) { return seconds(d.day); }), t.per_day.map(function (d) { return d.claims; })], vol);
  } else { vol.textContent = "No dated claims."; }
  var fig = document.getElementById("figures");
  if (!t.figures.length) { fig.textContent = "No figures."; return; }
  var days = [], sources = [];
  t.figures.forEach(function (f) {
    if (days.indexOf(f.day) < 0) { days.push(f.day); }
    if (sources.indexOf(f.source) < 0) { sources.push(f.source); }
  });
  days.sort();
  var colours = ["#0b5cad", "#c0392b", "#2e8540", "#8a3ab9", "#c97a00", "#555555"];
  var data = [days.map(seconds)];
  var series = [{}];
  sources.slice(0, 12).forEach(function (s, i) {
    data.push(days.map(function (d) {
      var hit = t.figures.filter(function (f) { return f.day === d && f.source === s; });
      return hit.length ? hit[hit.length - 1].value : null;
    }));
    series.push({ label: s, stroke: colours[i % colours.length], points: { show: true, size: 7 }, spanGaps: true });
  });
  new uPlot({ width: width(fig), height: 260, series: series }, data, fig);
})();
