/**
 * Correlation analysis of a returns matrix: rolling correlation matrices, the average pairwise
 * correlation, Mantegna's correlation distance and hierarchical clustering (single, average,
 * complete linkage) into a dendrogram that can be cut into {@code k} clusters.
 *
 * <p>Convention: a returns matrix is {@code double[T][N]}, one row per period (oldest first), one
 * column per asset. Entry points: {@link dev.tyche.portfolio.correlation.RollingCorrelation},
 * {@link dev.tyche.portfolio.correlation.Correlations} and {@link
 * dev.tyche.portfolio.correlation.HierarchicalClustering}.
 */
package dev.tyche.portfolio.correlation;
