// Hazard map: open hazards as points on their units' coordinates (ECharts scatter, no inline script).
(function () {
  "use strict";
  // Unit names are user input: ECharts inserts a formatter's return value as HTML, so escape it.
  const escapeHtml = (value) =>
    String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  document.addEventListener("DOMContentLoaded", () => {
    const el = document.getElementById("hazard-map");
    if (!el || typeof window.echarts === "undefined") return;
    const chart = window.echarts.init(el);
    fetch(el.dataset.pointsUrl, { credentials: "same-origin" })
      .then((r) => r.json())
      .then((data) => {
        const series = [false, true].map((overdue) => ({
          name: overdue ? el.dataset.labelOverdue : el.dataset.labelOpen,
          type: "scatter",
          symbolSize: 10,
          itemStyle: { color: overdue ? "#d63939" : "#f59f00" },
          data: data.points.filter((p) => p.overdue === overdue).map((p) => ({ value: [p.lng, p.lat], id: p.id, unit: p.unit })),
        }));
        chart.setOption({
          tooltip: { formatter: (p) => escapeHtml(p.data.unit) },
          legend: {},
          xAxis: { type: "value", scale: true, name: "经度" },
          yAxis: { type: "value", scale: true, name: "纬度" },
          series: series,
        });
        const note = document.getElementById("hazard-map-unlocated");
        if (note && data.unlocated) {
          note.textContent = el.dataset.labelUnlocated.replace("{unlocated}", data.unlocated);
        }
        chart.on("click", (p) => {
          window.location.href = el.dataset.detailUrl.replace("/0/", "/" + p.data.id + "/");
        });
      });
    window.addEventListener("resize", () => chart.resize());
  });
})();
