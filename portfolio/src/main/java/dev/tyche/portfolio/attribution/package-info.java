/**
 * Brinson-Fachler performance attribution over segments with arbitrary keys (sectors, strategy
 * sleeves, regimes): allocation, selection and interaction effects for one period, and Carino's
 * logarithmic linking over several periods.
 *
 * <p>Conventions: returns are simple returns per period, as fractions; weights are
 * beginning-of-period fractions of value and sum to one for both portfolio and benchmark. Entry
 * point: {@link dev.tyche.portfolio.attribution.BrinsonFachler}.
 */
package dev.tyche.portfolio.attribution;
