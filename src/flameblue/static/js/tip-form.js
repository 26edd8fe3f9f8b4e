// Public tip form: prevent a double submission from a second tap while photos upload.
(function () {
  "use strict";
  document.querySelectorAll("form.js-tip-form").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[type=submit]");
      if (button) {
        window.setTimeout(function () { button.disabled = true; }, 0);
      }
    });
  });
})();
