// «Мониторинг»: draws each chart from the JSON block next to its canvas (<script type="application/json" id="chart-…">).
// The tables beside the charts carry the same figures, so the page reads the same without scripts.
(function () {
  'use strict';
  if (typeof Chart === 'undefined') { return; }

  var number = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.color = '#495057';
  Chart.defaults.animation = false;

  function dataset(series, spec) {
    var set = {
      label: series.label,
      data: series.values,
      backgroundColor: series.color,
      borderColor: series.color,
      borderWidth: series.line ? 2 : 0,
      spanGaps: true
    };
    if (spec.kind === 'doughnut') {
      set.backgroundColor = ['#198754', '#dc3545', '#0d6efd', '#ffc107', '#20c997', '#6610f2', '#fd7e14', '#adb5bd'];
      set.borderColor = '#fff';
      set.borderWidth = 2;
    }
    if (series.line) {
      set.type = 'line';
      set.fill = false;
      set.tension = 0.2;
      set.pointRadius = series.dashed ? 0 : 3;
      if (series.dashed) { set.borderDash = [6, 4]; set.borderWidth = 1.5; }
    }
    return set;
  }

  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var source = document.getElementById(canvas.getAttribute('data-chart'));
    if (!source) { return; }
    var spec = JSON.parse(source.textContent);
    var round = spec.kind === 'doughnut';
    var options = {
      responsive: true,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: round || spec.series.length > 1, position: round ? 'right' : 'bottom' },
        tooltip: {
          callbacks: {
            label: function (context) {
              var value = round ? context.parsed : (spec.horizontal ? context.parsed.x : context.parsed.y);
              return (context.dataset.label ? context.dataset.label + ': ' : '') + number.format(value) + (spec.unit ? ' ' + spec.unit : '');
            }
          }
        }
      }
    };
    if (!round) {
      options.indexAxis = spec.horizontal ? 'y' : 'x';
      options.scales = {
        x: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } },
        y: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } }
      };
    }
    new Chart(canvas, {
      type: spec.kind,
      data: { labels: spec.labels, datasets: spec.series.map(function (series) { return dataset(series, spec); }) },
      options: options
    });
  });
})();
