/**
 * A time-series line chart on a canvas for the monitoring dashboard: {@link
 * dev.pipewright.app.chart.SeriesHistory} (a bounded, toolkit-free ring buffer),
 * {@link dev.pipewright.app.chart.ColumnDecimator} and {@link dev.pipewright.app.chart.NiceScale}
 * (pure drawing arithmetic), {@link dev.pipewright.app.chart.ChartCsv} (the CSV export) and
 * {@link dev.pipewright.app.chart.TimeSeriesChart} (the JavaFX node). Why not a chart library:
 * docs/decisions/0106-monitor-charts-on-a-canvas.md.
 */
package dev.pipewright.app.chart;
