package dev.tyche.portfolio.attribution;

/**
 * One segment's weights and returns for one period, the input of {@link
 * BrinsonFachler#singlePeriod(java.util.Map)}. Returns are simple returns over the period, as
 * fractions; weights are the beginning-of-period fractions of each portfolio's value.
 *
 * <p>A segment the portfolio does not hold has {@code portfolioWeight = 0}; its {@code
 * portfolioReturn} then does not matter (selection and interaction cancel), so any finite value,
 * conventionally the benchmark's, will do.
 *
 * <p>Immutable and thread-safe.
 *
 * @param portfolioWeight {@code w_p,i}, finite
 * @param benchmarkWeight {@code w_b,i}, finite
 * @param portfolioReturn {@code R_p,i}, the portfolio's return within the segment, finite
 * @param benchmarkReturn {@code R_b,i}, the benchmark's return within the segment, finite
 */
public record SegmentReturns(
    double portfolioWeight,
    double benchmarkWeight,
    double portfolioReturn,
    double benchmarkReturn) {

  /** Validates that every field is finite. */
  public SegmentReturns {
    Inputs.finite(portfolioWeight, "portfolioWeight");
    Inputs.finite(benchmarkWeight, "benchmarkWeight");
    Inputs.finite(portfolioReturn, "portfolioReturn");
    Inputs.finite(benchmarkReturn, "benchmarkReturn");
  }
}
