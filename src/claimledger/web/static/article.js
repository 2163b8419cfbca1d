// The article page: clicking (or Enter on) a claim shows its chain, hedging, verification,
// cluster, checks and grade. Everything is written with textContent: no markup from data.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("claim-data").textContent);
  var panel = document.getElementById("claim-detail");

  function line(parent, label, value) {
    var p = document.createElement("p");
    var b = document.createElement("strong");
    b.textContent = label + ": ";
    p.appendChild(b);
    p.appendChild(document.createTextNode(value));
    parent.appendChild(p);
    return p;
  }

  function show(id) {
    var c = data[id];
    if (!c) { return; }
    panel.hidden = false;
    panel.textContent = "";
    var h = document.createElement("h3");
    h.textContent = c.id;
    panel.appendChild(h);
    line(panel, "Speaker", c.speaker || "unnamed");
    line(panel, "Chain", (c.chain || []).join(" \u2192 "));
    line(panel, "Hedged", c.hedged ? "yes" : "no");
    line(panel, "Verification", c.verification || "none stated");
    line(panel, "Polarity", c.polarity);
    if (c.cluster) {
      var p = line(panel, "Cluster", "");
      var a = document.createElement("a");
      a.href = "/clusters/" + encodeURIComponent(c.cluster.id);
      a.textContent = c.cluster.id + " (" + c.cluster.assessment + ", " + c.members + " other member(s))";
      p.appendChild(a);
    }
    (c.checks || []).forEach(function (ch) {
      line(panel, "Check", ch.verdict + " " + ch.figures.join(", ") + ": " + ch.explanation);
    });
    if (c.grade) {
      line(panel, "Credibility", c.grade.credibility + " (" + c.grade.reasons.join("; ") + ")");
    }
    document.querySelectorAll(".m-content.selected").forEach(function (el) { el.classList.remove("selected"); });
    document.querySelectorAll('[data-claim]').forEach(function (el) {
      if (el.getAttribute("data-claim") === id && el.classList.contains("m-content")) { el.classList.add("selected"); }
    });
  }

  document.addEventListener("click", function (event) {
    var el = event.target.closest("[data-claim]");
    if (el) { show(el.getAttribute("data-claim")); }
  });
  document.addEventListener("keydown", function (event) {
    var el = event.target.closest && event.target.closest("span[data-claim]");
    if (el && (event.key === "Enter" || event.key === " ")) { event.preventDefault(); show(el.getAttribute("data-claim")); }
  });
  var wanted = decodeURIComponent(window.location.hash.slice(1));
  if (wanted && data[wanted]) { show(wanted); }
})();
