/* Draw the insights charts: each [data-figure] element holds a Plotly figure as JSON, written by the server.
   Nothing here is inline in the page, so the Content-Security-Policy can forbid inline scripts. */
(function () {
  "use strict";

  function draw(element) {
    const figure = JSON.parse(element.dataset.figure);
    const config = JSON.parse(element.dataset.config || "{}");
    window.Plotly.newPlot(element, figure.data, figure.layout || {}, config).then(function () {
      element.classList.add("drawn");
    });
  }

  function drawAll() {
    if (!window.Plotly) return;
    document.querySelectorAll("[data-figure]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }
})();
