// Publicity reach: people present and online views by 七进 target and by township (ECharts bars, no inline
// script; the data comes from the page's json_script block). No district boundary shapes are shipped.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", () => {
    const source = document.getElementById("reach-data");
    if (!source || typeof window.echarts === "undefined") return;
    const data = JSON.parse(source.textContent);
    document.querySelectorAll(".js-reach-chart").forEach((el) => {
      const rows = data[el.dataset.series] || [];
      const chart = window.echarts.init(el);
      chart.setOption({
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        legend: { top: 0 },
        grid: { left: 50, right: 50, top: 40, bottom: 60 },
        xAxis: { type: "category", data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0 } },
        yAxis: [{ type: "value", minInterval: 1, name: data.labels.present }, { type: "value", minInterval: 1, name: data.labels.online_views }],
        series: [
          { name: data.labels.present, type: "bar", itemStyle: { color: "#206bc4" }, data: rows.map((r) => r.present) },
          { name: data.labels.online_views, type: "bar", yAxisIndex: 1, itemStyle: { color: "#f59f00" }, data: rows.map((r) => r.online_views) },
        ],
      });
      window.addEventListener("resize", () => chart.resize());
    });
  });
})();
