/* A Copy button for drafts: shown only where the clipboard can be used; the text stays selectable anyway. */
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      const source = document.getElementById(button.dataset.copy);
      const status = document.getElementById("copy-status");
      navigator.clipboard.writeText(source.value).then(function () {
        if (status) status.textContent = "Copied.";
      });
    });
  });
})();
