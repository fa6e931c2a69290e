// Draws every dashboard chart from the ECharts option the server rendered into its data-chart attribute.
document.querySelectorAll(".dashboard-chart").forEach((element) => {
  const chart = echarts.init(element);
  chart.setOption(JSON.parse(element.dataset.chart));
  window.addEventListener("resize", () => chart.resize());
});
