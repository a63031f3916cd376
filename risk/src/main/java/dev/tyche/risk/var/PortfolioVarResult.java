package dev.tyche.risk.var;

import java.util.Arrays;

/**
 * Parametric (normal) portfolio VaR with its marginal and component decomposition, built by {@link
 * PortfolioVar}. All amounts are per unit of the capital base the weights refer to, for one period,
 * positive = loss. The arrays are copied on the way in and out.
 *
 * <p>Immutable and thread-safe.
 *
 * @param confidence the confidence level {@code a}, in (0, 1)
 * @param sigma the portfolio standard deviation {@code sqrt(w' Sigma w)}
 * @param var the portfolio VaR {@code -(w' mu) + alpha sigma}, {@code alpha = -Phi^-1(1 - a)}
 * @param cvar the portfolio CVaR (normal expected shortfall) {@code -(w' mu) + sigma phi(alpha) /
 *     (1 - a)}
 * @param marginalVar {@code dVaR/dw_i = -mu_i + alpha (Sigma w)_i / sigma}
 * @param componentVar {@code w_i * dVaR/dw_i}; the components sum to {@code var}
 */
public record PortfolioVarResult(
    double confidence,
    double sigma,
    double var,
    double cvar,
    double[] marginalVar,
    double[] componentVar) {

  /** Validates the fields and copies the arrays. */
  public PortfolioVarResult {
    Samples.tailProbability(confidence);
    Samples.requirePositive("sigma", sigma);
    Samples.requireFinite("var", var);
    Samples.requireFinite("cvar", cvar);
    Samples.requireFinite("marginalVar", marginalVar);
    Samples.requireFinite("componentVar", componentVar);
    if (marginalVar.length != componentVar.length) {
      throw new IllegalArgumentException(
          "componentVar must have the length of marginalVar ("
              + marginalVar.length
              + ") but had length "
              + componentVar.length);
    }
    marginalVar = marginalVar.clone();
    componentVar = componentVar.clone();
  }

  /**
   * The marginal VaR of each position, {@code dVaR/dw_i}.
   *
   * @return a copy of the marginal VaRs, one per asset
   */
  @Override
  public double[] marginalVar() {
    return marginalVar.clone();
  }

  /**
   * The component VaR of each position, {@code w_i dVaR/dw_i}.
   *
   * @return a copy of the component VaRs, one per asset; they sum to {@link #var()}
   */
  @Override
  public double[] componentVar() {
    return componentVar.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PortfolioVarResult r
        && Double.compare(confidence, r.confidence) == 0
        && Double.compare(sigma, r.sigma) == 0
        && Double.compare(var, r.var) == 0
        && Double.compare(cvar, r.cvar) == 0
        && Arrays.equals(marginalVar, r.marginalVar)
        && Arrays.equals(componentVar, r.componentVar);
  }

  @Override
  public int hashCode() {
    int h = Double.hashCode(confidence);
    h = 31 * h + Double.hashCode(sigma);
    h = 31 * h + Double.hashCode(var);
    h = 31 * h + Double.hashCode(cvar);
    h = 31 * h + Arrays.hashCode(marginalVar);
    return 31 * h + Arrays.hashCode(componentVar);
  }

  @Override
  public String toString() {
    return "PortfolioVarResult[confidence="
        + confidence
        + ", sigma="
        + sigma
        + ", var="
        + var
        + ", cvar="
        + cvar
        + ", marginalVar="
        + Arrays.toString(marginalVar)
        + ", componentVar="
        + Arrays.toString(componentVar)
        + "]";
  }
}
