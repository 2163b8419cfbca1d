// The provenance graph of a cluster (cytoscape): outlets -> relays -> origins.
(function () {
  "use strict";
  var graph = JSON.parse(document.getElementById("graph-data").textContent);
  var elements = graph.nodes.map(function (n) { return { data: n }; })
    .concat(graph.edges.map(function (e) { return { data: e }; }));
  window.claimGraph = cytoscape({
    container: document.getElementById("graph"),
    elements: elements,
    layout: { name: "breadthfirst", directed: true, padding: 20, spacingFactor: 1.1 },
    style: [
      { selector: "node", style: { "label": "data(label)", "font-size": 11, "text-wrap": "wrap", "text-max-width": 120, "background-color": "#8db6e8" } },
      { selector: 'node[kind = "outlet"]', style: { "shape": "round-rectangle", "background-color": "#c7d3df" } },
      { selector: 'node[kind = "relay"]', style: { "shape": "diamond", "background-color": "#ffd591" } },
      { selector: 'node[kind = "origin"]', style: { "shape": "ellipse", "background-color": "#e8837b" } },
      { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle", "width": 1.5, "label": "data(kind)", "font-size": 9, "color": "#5b6570" } },
      { selector: 'edge[kind = "republished copy"]', style: { "line-style": "dashed" } }
    ]
  });
})();
