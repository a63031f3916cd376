/**
 * A dependency-free SVG line and scatter chart for the notebooks and example programs: build a
 * {@link dev.tyche.examples.chart.Chart}, then show {@code chart.toSvg()} as {@code image/svg+xml}.
 */
package dev.tyche.examples.chart;
