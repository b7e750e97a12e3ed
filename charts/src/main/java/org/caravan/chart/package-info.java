/**
 * The UNESCAP time/cost-distance chart of routes: {@link org.caravan.chart.DistanceChart} (the model, built from
 * routes) and its renderers {@link org.caravan.chart.SvgChart} and {@link org.caravan.chart.PngChart}
 * (docs/CHARTS.md).
 */
package org.caravan.chart;
