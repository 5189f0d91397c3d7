/* Drag a card onto another column to move it. The card's own move form does the work, so dragging is only a
   shortcut for the select and button that keyboard and screen-reader users have on every card. */
(function () {
  "use strict";

  let dragged = null;

  function columnOf(element) {
    return element.closest ? element.closest(".column[data-stage]") : null;
  }

  function allows(card, column) {
    const allowed = (card.dataset.allowed || "").split(" ");
    return column && allowed.indexOf(column.dataset.stage) !== -1;
  }

  function clearHighlights() {
    document.querySelectorAll(".column.drop-ok").forEach(function (column) {
      column.classList.remove("drop-ok");
    });
  }

  document.addEventListener("dragstart", function (event) {
    const card = event.target.closest && event.target.closest(".card[draggable=true]");
    if (!card) return;
    dragged = card;
    card.classList.add("dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.id);
    document.querySelectorAll(".column[data-stage]").forEach(function (column) {
      if (allows(card, column)) column.classList.add("drop-ok");
    });
  });

  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    clearHighlights();
  });

  document.addEventListener("dragover", function (event) {
    const column = columnOf(event.target);
    if (dragged && allows(dragged, column)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
    }
  });

  document.addEventListener("drop", function (event) {
    const column = columnOf(event.target);
    if (!dragged || !allows(dragged, column)) return;
    event.preventDefault();
    const form = dragged.querySelector("form.move");
    const select = form && form.querySelector("select[name=stage]");
    if (!select) return;
    select.value = column.dataset.stage;
    clearHighlights();
    form.requestSubmit();
  });

  /* On a wide screen every filter fits above the board, so the folded ones start open; on a phone they stay
     folded under "More filters" and the board starts on the first screen. */
  function unfoldFiltersOnWideScreens() {
    const more = document.getElementById("more-filters");
    if (more && window.matchMedia("(min-width: 40rem)").matches) more.open = true;
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", unfoldFiltersOnWideScreens);
  } else {
    unfoldFiltersOnWideScreens();
  }
})();
