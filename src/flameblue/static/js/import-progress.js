// Unit import and QR pages: feedback while a sheet uploads, no double import, and the print button.
// The job's progress bar itself is refreshed by htmx (hx-trigger="every 1s" on the status partial).
(function () {
  "use strict";

  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!(form instanceof HTMLFormElement)) return;
    if (form.classList.contains("js-import-upload") || form.classList.contains("js-import-apply")) {
      const button = form.querySelector("[type=submit]");
      if (button) {
        if (button.dataset.busy === "1") {
          event.preventDefault(); // a second click while the first request is on its way
          return;
        }
        button.dataset.busy = "1";
        button.classList.add("disabled");
        button.setAttribute("aria-disabled", "true");
      }
      const busy = form.querySelector(".js-upload-busy");
      if (busy) busy.classList.remove("d-none");
    }
  });

  document.addEventListener("click", function (event) {
    const target = event.target;
    if (target instanceof Element && target.closest(".js-print")) {
      window.print();
    }
  });
})();
