package dev.tyche.risk.var;

import java.util.Objects;

/**
 * A VaR and the matching CVaR (expected shortfall) of one method at one confidence level.
 *
 * <p>Both are positive loss numbers in the units of the returns (a 3 % loss is {@code 0.03}); a
 * negative value means that even the tail outcome is a gain. For every method of {@link
 * ValueAtRisk} at confidence {@code a >= 0.5}, {@code cvar >= var} (the tail mean lies beyond the
 * quantile); Cornish-Fisher needs in addition a monotone expansion, see {@link
 * CornishFisherVar#monotoneTail()}. The record itself does not enforce that order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param method the method that produced the numbers
 * @param confidence the confidence level {@code a}, in (0, 1)
 * @param var the Value at Risk, positive = loss
 * @param cvar the Conditional Value at Risk (expected shortfall), positive = loss
 */
public record VarEstimate(VarMethod method, double confidence, double var, double cvar) {

  /** Validates the fields. */
  public VarEstimate {
    Objects.requireNonNull(method, "method");
    Samples.tailProbability(confidence);
    Samples.requireFinite("var", var);
    Samples.requireFinite("cvar", cvar);
  }

  /**
   * The tail probability {@code p = 1 - confidence}.
   *
   * @return {@code 1 - confidence}
   */
  public double tailProbability() {
    return 1.0 - confidence;
  }
}
