// Dashboard chart: hazards by county (or township) from core:dashboard-stats (ECharts bars, no inline script).
(function () {
  "use strict";
  const SERIES = [
    { key: "open", color: "#206bc4" },
    { key: "overdue", color: "#d63939" },
    { key: "major", color: "#f76707" },
    { key: "listed", color: "#7952b3" },
  ];

  function draw(el) {
    if (typeof window.echarts === "undefined") return;
    const chart = window.echarts.init(el);
    fetch(el.dataset.statsUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then((data) => {
        chart.setOption({
          tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
          legend: { top: 0 },
          grid: { left: 40, right: 10, top: 40, bottom: 30 },
          xAxis: { type: "category", data: data.rows.map((r) => r.name), axisLabel: { interval: 0 } },
          yAxis: { type: "value", minInterval: 1 },
          series: SERIES.map((s) => ({
            name: data.labels[s.key],
            type: "bar",
            itemStyle: { color: s.color },
            data: data.rows.map((r) => r[s.key]),
          })),
        });
      })
      .catch(() => {
        el.textContent = el.dataset.errorText || "";
      });
    window.addEventListener("resize", () => chart.resize());
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".js-dashboard-chart").forEach(draw);
  });
})();
