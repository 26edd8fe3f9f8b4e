// Dashboard: the year's figures by month and by county/township (ECharts bars, no inline script). Data from
// reports:figure-chart (JSON); clicking a bar opens the records behind it (that month, or that region).
(function () {
  "use strict";
  const COLORS = { months: "#206bc4", regions: "#2fb344" };

  function render(el, data) {
    const kind = el.dataset.series;
    const points = data[kind] || [];
    let chart = window.echarts.getInstanceByDom(el);
    if (!chart) {
      chart = window.echarts.init(el);
      window.addEventListener("resize", () => chart.resize());
      chart.on("click", (params) => {
        const point = (el._points || [])[params.dataIndex];
        if (point && point.url) window.location.assign(point.url);
      });
    }
    el._points = points;
    el.dataset.urls = JSON.stringify(points.map((p) => p.url));
    // "loaded" once drawn and the bars' animation has ended (a click before that may miss its bar)
    delete el.dataset.loaded;
    chart.off("finished");
    chart.on("finished", () => {
      el.dataset.loaded = data.figure.code;
    });
    chart.setOption(
      {
        title: { text: data.titles[kind], left: "center", textStyle: { fontSize: 13 } },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        grid: { left: 40, right: 10, top: 40, bottom: 50 },
        xAxis: {
          type: "category",
          data: points.map((p) => p.label),
          axisLabel: { interval: 0, rotate: kind === "regions" && points.length > 6 ? 40 : 0 },
        },
        yAxis: { type: "value", minInterval: 1 },
        series: [
          {
            name: data.figure.label,
            type: "bar",
            cursor: "pointer",
            itemStyle: { color: COLORS[kind] || "#206bc4" },
            data: points.map((p) => p.value),
          },
        ],
      },
      true,
    );
  }

  function load(url, targets) {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
      .then((data) => targets.forEach((el) => render(el, data)))
      .catch(() => targets.forEach((el) => (el.textContent = el.dataset.errorText || "")));
  }

  document.addEventListener("DOMContentLoaded", () => {
    if (typeof window.echarts === "undefined") return;
    const charts = Array.from(document.querySelectorAll(".js-figure-chart"));
    if (!charts.length) return;
    load(charts[0].dataset.chartUrl, charts);
    document.querySelectorAll(".js-figure-chart-pick").forEach((button) => {
      button.addEventListener("click", () => {
        document.querySelectorAll(".js-figure-chart-pick").forEach((b) => b.classList.remove("fw-semibold"));
        button.classList.add("fw-semibold");
        load(button.dataset.chartUrl, charts);
      });
    });
  });
})();
