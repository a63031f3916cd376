package dev.tyche.risk.backtest;

import java.util.Objects;

/**
 * Christoffersen's conditional-coverage test, the joint test of correct coverage and independence
 * (Christoffersen 1998, section 3.3): {@code LR_CC = LR_POF + LR_ind}, asymptotically {@code
 * chi2_2}. Built by {@link VarBacktests#conditionalCoverage(boolean[], double)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pof the Kupiec proportion-of-failures part
 * @param independence the Christoffersen independence part
 * @param lr {@code LR_CC = pof.lr() + independence.lr()}
 * @param pValue {@code P(chi2_2 > LR_CC)}
 */
public record ConditionalCoverageResult(
    KupiecResult pof, ChristoffersenResult independence, double lr, double pValue) {

  /** Validates the fields. */
  public ConditionalCoverageResult {
    Objects.requireNonNull(pof, "pof");
    Objects.requireNonNull(independence, "independence");
    Checks.statistic("lr", lr, pValue);
  }

  /**
   * Whether the joint test rejects correct conditional coverage at the given significance.
   *
   * @param significance the test size, in (0, 1), e.g. 0.05
   * @return {@code pValue < significance}
   */
  public boolean rejects(double significance) {
    return pValue < Checks.probability("significance", significance);
  }
}
