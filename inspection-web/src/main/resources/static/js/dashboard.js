// 统计分析: draws each figure of the dashboard with ECharts from the JSON the page names in data-charts-src.
// The tables under the charts carry the same data for screen readers, copying and printing.
(function () {
  'use strict';

  var PALETTE = ['#1f4e79', '#2e86c1', '#48c9b0', '#f5b041', '#e74c3c', '#8e44ad', '#7f8c8d', '#27ae60', '#d35400'];

  function barOption(chart) {
    var horizontal = chart.categories.length > 8;
    var category = { type: 'category', data: chart.categories, axisLabel: { interval: 0, width: 90, overflow: 'break' } };
    var value = { type: 'value', minInterval: 1 };
    return {
      color: PALETTE,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 16, bottom: 8, top: 36, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? Object.assign({}, category, { inverse: true }) : value,
      series: chart.series.map(function (s) {
        return { name: s.name, type: 'bar', data: s.data, barMaxWidth: 28,
          label: { show: chart.categories.length <= 6, position: horizontal ? 'right' : 'top' } };
      })
    };
  }

  function rateOption(chart) {
    var bars = chart.series[0];
    var rate = chart.series[1];
    return {
      color: PALETTE,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: chart.categories, axisLabel: { interval: 0, width: 90, overflow: 'break' } },
      yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', axisLabel: { formatter: '{value}%' }, splitLine: { show: false } }],
      series: [
        { name: bars.name, type: 'bar', data: bars.data, barMaxWidth: 28 },
        { name: rate.name, type: 'line', yAxisIndex: 1, data: rate.data, symbolSize: 7,
          label: { show: true, position: 'top', formatter: '{c}%' } }
      ]
    };
  }

  function pieOption(chart) {
    var s = chart.series[0];
    var data = chart.categories.map(function (c, i) {
      return { name: c, value: s.data[i] };
    }).filter(function (d) {
      return Number(d.value) > 0;
    });
    return {
      color: PALETTE,
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { orient: 'vertical', right: 0, top: 'middle', type: 'scroll' },
      series: [{ name: s.name, type: 'pie', radius: ['42%', '70%'], center: ['38%', '52%'], data: data,
        label: { formatter: '{b}\n{c}' }, itemStyle: { borderColor: '#fff', borderWidth: 2 } }]
    };
  }

  function option(chart) {
    if (chart.kind === 'PIE') {
      return pieOption(chart);
    }
    if (chart.kind === 'BAR_RATE') {
      return rateOption(chart);
    }
    return barOption(chart);
  }

  function draw(charts) {
    var drawn = [];
    charts.forEach(function (chart) {
      var element = document.getElementById('chart-' + chart.key);
      if (!element) {
        return;
      }
      var instance = window.echarts.init(element, null, { renderer: 'canvas' });
      instance.on('finished', function () {
        element.setAttribute('data-rendered', 'true');
      });
      instance.setOption(Object.assign({ animation: false }, option(chart)));
      drawn.push(instance);
    });
    window.addEventListener('resize', function () {
      drawn.forEach(function (instance) {
        instance.resize();
      });
    });
    document.getElementById('dashboard').setAttribute('data-charts', 'ready');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.getElementById('dashboard');
    if (!root || !window.echarts) {
      return;
    }
    fetch(root.getAttribute('data-charts-src'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('charts: HTTP ' + response.status);
        }
        return response.json();
      })
      .then(draw)
      .catch(function (error) {
        root.setAttribute('data-charts', 'failed');
        window.console.error(error);
      });
  });
}());
