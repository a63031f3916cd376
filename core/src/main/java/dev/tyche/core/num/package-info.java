/**
 * Exact fixed-point numbers for everything that crosses an exchange: {@link
 * dev.tyche.core.num.Price}, {@link dev.tyche.core.num.Quantity}, {@link dev.tyche.core.num.Money}
 * and the general {@link dev.tyche.core.num.Decimal} (rates, ratios).
 *
 * <p>Each value is a {@code long} count of units of {@code 10^-scale}, parsed straight from the
 * exchange's decimal text. Arithmetic is exact or throws: overflow raises {@link
 * java.lang.ArithmeticException}, and rounding happens only in calls that take a rounding mode. As
 * with {@link java.math.BigDecimal}, {@code equals} compares units and scale (so {@code 1.0} and
 * {@code 1.00} differ); use {@code compareTo} or {@code isEqualTo} to compare values. Analytics
 * convert to {@code double} with {@code toDouble()}; going back from a {@code double} to an order
 * needs an explicit rounding to the instrument's grid.
 */
package dev.tyche.core.num;
