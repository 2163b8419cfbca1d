// The map: the vendored Natural Earth boundaries and a marker per place with claims.
(function () {
  "use strict";
  var places = JSON.parse(document.getElementById("place-data").textContent);
  var map = L.map("map", { worldCopyJump: true }).setView([48, 20], 3);
  window.claimMap = map;
  fetch("/static/vendor/world-atlas/countries-110m.geojson").then(function (r) { return r.json(); })
    .then(function (geo) {
      L.geoJSON(geo, { style: { color: "#7d8a96", weight: 1, fillColor: "#eef1f4", fillOpacity: 1 } }).addTo(map);
      markers();
    });
  function markers() {
    var bounds = [];
    places.forEach(function (p) {
      var m = L.circleMarker([p.lat, p.lon], { radius: 4 + Math.min(12, Math.sqrt(p.claims) * 2), color: "#0b5cad" }).addTo(map);
      var box = document.createElement("div");
      var a = document.createElement("a");
      a.href = "/claims?place=" + encodeURIComponent(p.name);
      a.textContent = p.name;
      box.appendChild(a);
      box.appendChild(document.createTextNode(": " + p.claims + " claim(s) in " + p.articles + " article(s)"));
      m.bindPopup(box);
      bounds.push([p.lat, p.lon]);
    });
    if (bounds.length) { map.fitBounds(bounds, { maxZoom: 7, padding: [30, 30] }); }
  }
})();
