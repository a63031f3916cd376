/**
 * Streaming technical indicators with bounded state and allocation-free updates.
 *
 * <p>Every indicator is a small mutable object fed one observation at a time: {@link
 * dev.tyche.strategy.indicator.Indicator#update(double)} for indicators of one series (usually the
 * close), {@link dev.tyche.strategy.indicator.BarIndicator#update(double, double, double, double)}
 * for indicators of a bar's high, low, close and volume. All state lives in primitive fields and
 * arrays sized at construction, so an update allocates nothing; updates are {@code O(1)}
 * (amortised, for the windowed sums that are recomputed exactly once per window to stop rounding
 * drift), except the commodity channel index whose mean deviation needs {@code O(n)}.
 *
 * <p>Common contract ({@link dev.tyche.strategy.indicator.StreamingIndicator}): {@code
 * warmUpPeriod()} is the number of updates after which {@code isReady()} becomes true and {@code
 * value()} stops returning {@code NaN}. Multi-output indicators document the warm-up of every
 * secondary output. Inputs are validated before any state changes: NaN and infinite values, {@code
 * high < low}, negative volume and (where a logarithm or ratio of prices is taken) non-positive
 * prices throw {@link java.lang.IllegalArgumentException} and leave the indicator unchanged.
 *
 * <p>Conventions follow R's TTR package (J. Ulrich, version 0.24) where it defines the indicator:
 * exponential averages are seeded with the simple mean of their first {@code n} inputs, Wilder's
 * smoothing is the exponential average with {@code alpha = 1/n}, Bollinger bands use the population
 * standard deviation, and the Donchian channel includes the current bar. The package's reference
 * test checks them against TTR output to {@code 1e-10} relative.
 */
package dev.tyche.strategy.indicator;
