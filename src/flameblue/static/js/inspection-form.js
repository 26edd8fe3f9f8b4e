// The mobile inspection form: every answer is kept in localStorage at once and autosaved to the server;
// when the phone is offline (or a request fails) it stays in the browser and is sent when the network comes
// back. On load the server's draft is merged with any newer answers left in the browser. No inline scripts
// (CSP): the page passes its URLs and messages as data attributes and the draft as a JSON script element.
(function () {
  "use strict";

  const app = document.getElementById("inspection-app");
  if (!app) return;

  const form = document.getElementById("submit-form");
  const csrf = form.querySelector("[name=csrfmiddlewaretoken]").value;
  const statusEl = document.getElementById("sync-status");
  const countEl = document.getElementById("answered-count");
  const msg = app.dataset;
  const storageKey = msg.storageKey;
  const server = JSON.parse(document.getElementById("inspection-draft").textContent || "{}");
  const items = new Map();
  document.querySelectorAll(".inspection-item").forEach((el) => items.set(el.dataset.item, el));

  const inFlight = new Map(); // item id -> Promise of the running save
  const again = new Set(); // item ids edited while their save was running
  let submitting = false;

  // --- the browser copy ---------------------------------------------------------------------------------
  function load() {
    try {
      const data = JSON.parse(window.localStorage.getItem(storageKey) || "null");
      return data && data.answers ? data : { answers: {} };
    } catch (e) {
      return { answers: {} };
    }
  }
  const local = load();

  function persist() {
    try {
      window.localStorage.setItem(storageKey, JSON.stringify(local));
    } catch (e) {
      // Storage full or disabled: the server copy is all we have; nothing else to do.
    }
  }

  function pendingIds() {
    return Object.keys(local.answers).filter((id) => {
      const a = local.answers[id];
      return a && a.result && !a.synced && !a.error;
    });
  }

  // --- reading and filling one item ---------------------------------------------------------------------
  function field(el, selector) {
    return el.querySelector(selector);
  }

  function readItem(el) {
    const checked = el.querySelector(".js-result:checked");
    const value = (selector) => (field(el, selector) ? field(el, selector).value.trim() : "");
    return {
      result: checked ? checked.value : "",
      note: value(".js-note"),
      location: value(".js-location"),
      corrected_on_spot: field(el, ".js-corrected") ? field(el, ".js-corrected").checked : false,
      numerator: value(".js-numerator"),
      denominator: value(".js-denominator"),
      variant: value(".js-variant"),
    };
  }

  function fillItem(el, data) {
    el.querySelectorAll(".js-result").forEach((input) => {
      input.checked = input.value === data.result;
    });
    const set = (selector, value) => {
      if (field(el, selector)) field(el, selector).value = value || "";
    };
    set(".js-note", data.note);
    set(".js-location", data.location);
    if (field(el, ".js-corrected")) field(el, ".js-corrected").checked = Boolean(data.corrected_on_spot);
    set(".js-numerator", data.numerator);
    set(".js-denominator", data.denominator);
    set(".js-variant", data.variant);
    updateMeasure(el);
  }

  function fromServer(answer) {
    const values = answer.measurement_values || {};
    return {
      result: answer.result,
      note: answer.note,
      location: answer.location,
      corrected_on_spot: Boolean(answer.corrected_on_spot),
      numerator: values.numerator || "",
      denominator: values.denominator || "",
      variant: values.variant || "",
      answered_at: answer.answered_at,
    };
  }

  function renderPhotos(el, photos) {
    const box = field(el, ".js-photos");
    if (!box || !photos) return;
    box.replaceChildren();
    photos.forEach((photo) => {
      const link = document.createElement("a");
      link.href = photo.url;
      const img = document.createElement("img");
      img.src = photo.url;
      img.alt = photo.name;
      img.className = "img-thumbnail";
      img.style.maxHeight = "56px";
      link.appendChild(img);
      box.appendChild(link);
    });
  }

  function setItemStatus(el, text, tone) {
    const target = field(el, ".js-item-status");
    target.textContent = text;
    target.className = "small mt-1 js-item-status " + (tone ? "text-" + tone : "text-body-secondary");
  }

  function setStatus(text, tone) {
    statusEl.textContent = text;
    statusEl.className = "small " + (tone ? "text-" + tone : "text-body-secondary");
  }

  function updateCount() {
    let n = 0;
    items.forEach((el) => {
      if (el.querySelector(".js-result:checked")) n += 1;
    });
    countEl.textContent = String(n);
  }

  // --- measured items: show at once whether the GB 35181 threshold is met -------------------------------
  function thresholdOf(el) {
    const variant = field(el, ".js-variant");
    if (variant && variant.selectedOptions.length) return Number(variant.selectedOptions[0].dataset.threshold);
    return Number(el.dataset.threshold);
  }

  function compare(left, op, right) {
    if (op === ">") return left > right;
    if (op === ">=") return left >= right;
    if (op === "<") return left < right;
    return left <= right;
  }

  function updateMeasure(el) {
    if (!el.dataset.measured) return null;
    const out = field(el, ".js-measure-result");
    const data = readItem(el);
    const n = Number(data.numerator);
    const d = Number(data.denominator);
    if (data.numerator === "" || data.denominator === "" || !isFinite(n) || !isFinite(d) || d <= 0) {
      out.textContent = "";
      return null;
    }
    const met = compare(n * 100, el.dataset.comparison, thresholdOf(el) * d);
    out.textContent = (Math.round((n * 10000) / d) / 100).toFixed(2) + "% · " + (met ? msg.msgMet : msg.msgNotMet);
    out.className = "js-measure-result " + (met ? "text-danger" : "text-success");
    return met;
  }

  // --- saving -------------------------------------------------------------------------------------------
  function markOffline(el) {
    setItemStatus(el, msg.msgOffline, "warning");
    setStatus(msg.msgOffline, "warning");
  }

  function showErrors(el, errors) {
    const texts = [];
    Object.keys(errors || {}).forEach((key) => texts.push.apply(texts, errors[key]));
    setItemStatus(el, texts.join(" "), "danger");
  }

  function body(id, answer) {
    const data = new URLSearchParams();
    data.set("item", id);
    data.set("result", answer.result);
    data.set("note", answer.note || "");
    data.set("location", answer.location || "");
    if (answer.corrected_on_spot) data.set("corrected_on_spot", "on");
    data.set("answered_at", answer.answered_at);
    // A half-typed measurement stays in the browser until both numbers are there.
    if (answer.numerator !== "" && answer.denominator !== "") {
      data.set("numerator", answer.numerator);
      data.set("denominator", answer.denominator);
      data.set("variant", answer.variant || "");
    }
    return data;
  }

  function handleSaved(id, el, sent, json) {
    const current = local.answers[id];
    if (json.stale) {
      // A newer answer was saved from elsewhere: it wins; show it.
      local.answers[id] = Object.assign(fromServer(json), { synced: true });
      fillItem(el, local.answers[id]);
    } else if (current && current.answered_at === sent.answered_at) {
      current.synced = true;
    }
    persist();
    renderPhotos(el, json.photos);
    setItemStatus(el, msg.msgSaved, "success");
    if (!pendingIds().length) setStatus(msg.msgSaved, "success");
  }

  // One request at a time: a burst of answers synced after a reconnection does not hit the server at once.
  let queue = Promise.resolve();
  function enqueue(task) {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  function send(id) {
    const el = items.get(id);
    const answer = local.answers[id];
    if (!el || !answer || !answer.result || answer.synced) return Promise.resolve(true);
    if (inFlight.has(id)) {
      again.add(id);
      return inFlight.get(id);
    }
    if (navigator.onLine === false) {
      markOffline(el);
      return Promise.resolve(false);
    }
    const sent = Object.assign({}, answer);
    setItemStatus(el, msg.msgSaving);
    const request = enqueue(() =>
      window.fetch(msg.answerUrl, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrf, Accept: "application/json" },
        body: body(id, sent),
      })
    )
      .then((response) =>
        response
          .json()
          .catch(() => ({}))
          .then((json) => {
            if (response.ok) {
              handleSaved(id, el, sent, json);
              return true;
            }
            if (response.status >= 400 && response.status < 500) {
              answer.error = true;
              persist();
              showErrors(el, json.errors || { __all__: [response.statusText] });
              if (response.status === 409) setStatus(showFirst(json.errors), "danger");
              return false;
            }
            markOffline(el);
            return false;
          })
      )
      .catch(() => {
        markOffline(el);
        return false;
      })
      .finally(() => {
        inFlight.delete(id);
        if (again.delete(id)) send(id);
      });
    inFlight.set(id, request);
    return request;
  }

  function showFirst(errors) {
    const all = [];
    Object.keys(errors || {}).forEach((key) => all.push.apply(all, errors[key]));
    return all[0] || "";
  }

  function syncAll() {
    return Promise.all(pendingIds().map(send)).then((results) => {
      if (results.length && results.every(Boolean)) setStatus(msg.msgSynced, "success");
      return !pendingIds().length;
    });
  }

  const timers = new Map();
  function changed(el, immediate) {
    const id = el.dataset.item;
    const data = readItem(el);
    const met = updateMeasure(el);
    if (met === true && data.result !== "fail") {
      // The standard's threshold is met: the item cannot pass.
      const fail = el.querySelector(".js-result[value=fail]");
      fail.checked = true;
      data.result = "fail";
    }
    local.answers[id] = Object.assign(data, { answered_at: new Date().toISOString(), synced: false });
    persist();
    updateCount();
    if (!data.result) return;
    clearTimeout(timers.get(id));
    timers.set(id, setTimeout(() => send(id), immediate ? 0 : 600));
  }

  // --- photos ---------------------------------------------------------------------------------------------
  function uploadPhoto(el, input) {
    const id = el.dataset.item;
    const file = input.files && input.files[0];
    if (!file) return;
    if (!el.querySelector(".js-result:checked")) {
      setItemStatus(el, msg.msgPhotoFirst, "danger");
      input.value = "";
      return;
    }
    if (navigator.onLine === false) {
      // Photos are not kept in the browser (too large for local storage): they need the network.
      setItemStatus(el, msg.msgPhotoOffline, "danger");
      input.value = "";
      return;
    }
    send(id).then(() => {
      const data = new FormData();
      data.set("item", id);
      data.set("photo", file);
      setItemStatus(el, msg.msgSaving);
      return window
        .fetch(msg.photoUrl, {
          method: "POST",
          credentials: "same-origin",
          headers: { "X-CSRFToken": csrf, Accept: "application/json" },
          body: data,
        })
        .then((response) =>
          response.json().then((json) => {
            if (response.ok) {
              renderPhotos(el, json.photos);
              setItemStatus(el, msg.msgSaved, "success");
            } else {
              showErrors(el, json.errors);
            }
          })
        )
        .catch(() => markOffline(el))
        .finally(() => {
          input.value = "";
        });
    });
  }

  // --- signatures drawn on a canvas -----------------------------------------------------------------------
  function signaturePad(canvas) {
    const target = document.getElementById(canvas.dataset.target);
    const ctx = canvas.getContext("2d");
    canvas.width = canvas.clientWidth || 300;
    ctx.lineWidth = 2;
    ctx.lineCap = "round";
    let drawing = false;
    const point = (event) => {
      const rect = canvas.getBoundingClientRect();
      return [
        ((event.clientX - rect.left) * canvas.width) / rect.width,
        ((event.clientY - rect.top) * canvas.height) / rect.height,
      ];
    };
    canvas.addEventListener("pointerdown", (event) => {
      drawing = true;
      canvas.setPointerCapture(event.pointerId);
      ctx.beginPath();
      ctx.moveTo.apply(ctx, point(event));
    });
    canvas.addEventListener("pointermove", (event) => {
      if (!drawing) return;
      ctx.lineTo.apply(ctx, point(event));
      ctx.stroke();
    });
    const end = () => {
      if (!drawing) return;
      drawing = false;
      if (target) target.value = canvas.toDataURL("image/png");
    };
    canvas.addEventListener("pointerup", end);
    canvas.addEventListener("pointercancel", end);
    canvas.style.touchAction = "none";
    const clear = canvas.parentElement.querySelector(".js-signature-clear");
    if (clear) {
      clear.addEventListener("click", () => {
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        if (target) target.value = "";
      });
    }
  }

  // --- start: merge the server's draft with what the browser kept -------------------------------------------
  items.forEach((el, id) => {
    const saved = server[id];
    const kept = local.answers[id];
    const keptIsNewer = kept && (!saved || new Date(kept.answered_at) > new Date(saved.answered_at));
    if (kept && !kept.synced && (keptIsNewer || !saved)) {
      fillItem(el, kept);
      kept.error = false;
      if (kept.result) setItemStatus(el, msg.msgOffline, "warning");
    } else if (saved) {
      local.answers[id] = Object.assign(fromServer(saved), { synced: true });
      fillItem(el, local.answers[id]);
    } else if (kept && kept.synced) {
      // The browser thinks it was saved but the server has no answer: send it again.
      kept.synced = false;
      fillItem(el, kept);
    }
    if (saved) renderPhotos(el, saved.photos);

    el.querySelectorAll(".js-result, .js-variant, .js-corrected").forEach((input) =>
      input.addEventListener("change", () => changed(el, true))
    );
    el.querySelectorAll(".js-note, .js-location, .js-numerator, .js-denominator").forEach((input) =>
      input.addEventListener("input", () => changed(el, false))
    );
    const photo = field(el, ".js-photo");
    if (photo) photo.addEventListener("change", () => uploadPhoto(el, photo));
  });
  persist();
  updateCount();
  document.querySelectorAll("canvas.js-signature").forEach(signaturePad);

  window.addEventListener("online", () => syncAll());
  window.addEventListener("offline", () => setStatus(msg.msgOffline, "warning"));
  window.setInterval(() => {
    if (pendingIds().length) syncAll();
  }, 15000);
  if (pendingIds().length) syncAll();

  // --- submit: everything synced first; a double tap sends one request (and the server keeps one anyway) ---
  form.addEventListener("submit", (event) => {
    if (submitting) {
      event.preventDefault();
      return;
    }
    event.preventDefault();
    if (navigator.onLine === false) {
      setStatus(msg.msgOfflineSubmit, "danger");
      return;
    }
    submitting = true;
    const button = document.getElementById("submit-button");
    button.disabled = true;
    syncAll().then((done) => {
      if (!done) {
        submitting = false;
        button.disabled = false;
        setStatus(msg.msgOfflineSubmit, "danger");
        return;
      }
      // Everything is on the server now; the browser copy is no longer needed.
      try {
        window.localStorage.removeItem(storageKey);
      } catch (e) {
        // ignore
      }
      HTMLFormElement.prototype.submit.call(form);
    });
  });
})();
