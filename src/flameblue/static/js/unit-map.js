// Unit maps (ECharts scatter on a longitude/latitude grid; no tiles, no inline script — CSP).
// <div class="js-unit-map" data-mode="pin|list" data-points-url=… data-detail-url=".../0/" …>
//   pin:  the unit's own pin (data-lat, data-lng, data-name) with the units around it as faint points;
//   list: the filtered units in the user's scope, key units in red.
(function () {
  "use strict";
  // Unit names are user input: ECharts inserts a formatter's return value as HTML, so escape it.
  const escapeHtml = (value) =>
    String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

  // Degrees of longitude are shorter than degrees of latitude at Bozhou's ~33.5°N.
  const LNG_PER_LAT = 1 / Math.cos((33.5 * Math.PI) / 180);

  function axis(name, min, max) {
    return {
      type: "value", name: name, min: min, max: max, scale: true,
      axisLabel: { formatter: (v) => v.toFixed(2) }, splitLine: { lineStyle: { type: "dashed" } },
    };
  }

  function toPoint(p) {
    return { value: [p.lng, p.lat], id: p.id, name: p.name };
  }

  function pinOption(el, data) {
    const lat = parseFloat(el.dataset.lat);
    const lng = parseFloat(el.dataset.lng);
    const span = 0.05;
    return {
      tooltip: { formatter: (p) => escapeHtml(p.data.name) },
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: axis(el.dataset.labelLng, lng - span * LNG_PER_LAT, lng + span * LNG_PER_LAT),
      yAxis: axis(el.dataset.labelLat, lat - span, lat + span),
      series: [
        {
          name: el.dataset.labelNeighbours, type: "scatter", symbolSize: 6,
          itemStyle: { color: "#868e96", opacity: 0.45 }, data: data.points.map(toPoint),
        },
        {
          name: el.dataset.labelUnit, type: "scatter", symbol: "pin", symbolSize: 34, symbolOffset: [0, "-50%"], z: 10,
          itemStyle: { color: "#d63939" }, data: [{ value: [lng, lat], name: el.dataset.name }],
        },
      ],
    };
  }

  function listOption(el, data) {
    const split = (key) => data.points.filter((p) => p.key === key).map(toPoint);
    return {
      tooltip: { formatter: (p) => escapeHtml(p.data.name) },
      legend: {},
      grid: { left: 56, right: 24, top: 40, bottom: 40 },
      xAxis: axis(el.dataset.labelLng),
      yAxis: axis(el.dataset.labelLat),
      dataZoom: [{ type: "inside", xAxisIndex: 0 }, { type: "inside", yAxisIndex: 0 }],
      series: [
        { name: el.dataset.labelOther, type: "scatter", symbolSize: 5, large: true,
          itemStyle: { color: "#206bc4", opacity: 0.6 }, data: split(false) },
        { name: el.dataset.labelKey, type: "scatter", symbolSize: 9, z: 5,
          itemStyle: { color: "#d63939" }, data: split(true) },
      ],
    };
  }

  function summarise(el, data) {
    const target = el.dataset.summary && document.querySelector(el.dataset.summary);
    if (!target) return;
    const shown = data.points.length;
    const template = data.total > shown ? el.dataset.labelTruncated : el.dataset.labelShown;
    let text = template.replace("{shown}", shown).replace("{total}", data.total);
    if (data.unlocated && el.dataset.labelUnlocated) {
      text += " " + el.dataset.labelUnlocated.replace("{unlocated}", data.unlocated);
    }
    target.textContent = text;
  }

  function draw(el) {
    const chart = window.echarts.init(el);
    fetch(el.dataset.pointsUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then((data) => {
        chart.setOption(el.dataset.mode === "pin" ? pinOption(el, data) : listOption(el, data));
        summarise(el, data);
      })
      .catch(() => chart.showLoading({ text: "—" }));
    chart.on("click", (p) => {
      if (p.data && p.data.id) {
        window.location.href = el.dataset.detailUrl.replace("/0/", "/" + p.data.id + "/");
      }
    });
    window.addEventListener("resize", () => chart.resize());
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (typeof window.echarts === "undefined") return;
    document.querySelectorAll(".js-unit-map").forEach(draw);
  });
})();
