// FlameBlue page behaviour without inline scripts (CSP forbids them).
(function () {
  "use strict";

  // <select class="js-autosubmit"> submits its form on change (language switch, quick filters).
  document.addEventListener("change", (event) => {
    const el = event.target;
    if (el.classList && el.classList.contains("js-autosubmit") && el.form) {
      el.form.submit();
    }
  });

  // Tom Select on <select class="js-tomselect"> (region and organization pickers): type to search.
  function initTomSelect(root) {
    if (typeof window.TomSelect === "undefined") return;
    root.querySelectorAll("select.js-tomselect").forEach((el) => {
      if (el.tomselect) return;
      const options = { maxOptions: 500, allowEmptyOption: true, plugins: [] };
      if (el.multiple) options.plugins.push("remove_button");
      // Large lists (organizations, people, units) are searched on the server: data-lookup-url.
      const url = el.dataset.lookupUrl;
      if (url) {
        Object.assign(options, {
          valueField: "value",
          labelField: "text",
          searchField: ["text"],
          preload: "focus",
          load: (query, callback) => {
            fetch(`${url}?q=${encodeURIComponent(query)}`, { credentials: "same-origin" })
              .then((response) => (response.ok ? response.json() : { results: [] }))
              .then((data) => callback(data.results))
              .catch(() => callback());
          },
        });
      }
      // Tom Select fires a bubbling "change" on the original <select>, so htmx filter forms still reload.
      new window.TomSelect(el, options);
    });
  }

  // Confirm before a destructive form is sent: <form data-confirm="...">.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    const message = form.dataset && form.dataset.confirm;
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // A list's table turns into cards on a phone (app.css): each cell carries its column's header as a label.
  function labelCells(root) {
    const results = root.id === "results" ? root : root.querySelector("#results");
    if (!results) return;
    results.querySelectorAll("table.table").forEach((table) => {
      const labels = [...table.querySelectorAll("thead th")].map((th) => th.textContent.trim());
      table.querySelectorAll("tbody tr").forEach((tr) => {
        [...tr.children].forEach((td, i) => {
          if (labels[i] && !td.hasAttribute("colspan")) td.dataset.label = labels[i];
        });
      });
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    initTomSelect(document);
    labelCells(document);
  });
  document.addEventListener("htmx:afterSwap", (event) => {
    initTomSelect(event.target);
    labelCells(event.target);
  });
})();
