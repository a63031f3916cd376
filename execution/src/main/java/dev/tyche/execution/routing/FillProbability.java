package dev.tyche.execution.routing;

/**
 * A simple estimate of the probability that a passive order at the touch fills within a horizon.
 *
 * <p>Model: market orders that hit our side of the touch arrive as a Poisson process of rate {@code
 * lambda} per second, each of size {@code m} (the mean trade size), the Poisson order-flow
 * assumption of Cont, Stoikov and Talreja (2010, "A stochastic model for order book dynamics",
 * Operations Research 58(3)). Our order of size {@code q} behind a queue {@code Q} fills once
 * {@code K = ceil((Q + q) / m)} such orders have arrived, so {@code P(fill by T) = P(N_T >= K) = 1
 * - sum_{k < K} e^{-mu} mu^k / k!} with {@code mu = lambda T}. It ignores cancellations ahead of us
 * (which only help) and price moves away from our level (which hurt); treat it as a rough input to
 * the {@link SmartOrderRouter}.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class FillProbability {

  private FillProbability() {}

  /**
   * The Poisson fill probability.
   *
   * @param queueAhead quantity ahead of us at the price, base units, finite and {@code >= 0}
   * @param quantity our order size, base units, finite and {@code > 0}
   * @param tradesPerSecond {@code lambda}, arrivals of opposite market orders at the touch per
   *     second, finite and {@code >= 0}
   * @param meanTradeSize {@code m}, base units, finite and {@code > 0}
   * @param horizonSeconds {@code T}, finite and {@code >= 0}
   * @return the probability, in {@code [0, 1]}
   */
  public static double poisson(
      double queueAhead,
      double quantity,
      double tradesPerSecond,
      double meanTradeSize,
      double horizonSeconds) {
    check("queueAhead", queueAhead, false);
    check("quantity", quantity, true);
    check("tradesPerSecond", tradesPerSecond, false);
    check("meanTradeSize", meanTradeSize, true);
    check("horizonSeconds", horizonSeconds, false);
    double mu = tradesPerSecond * horizonSeconds;
    double k = Math.ceil((queueAhead + quantity) / meanTradeSize);
    if (mu == 0) {
      return 0;
    }
    // Beyond ~40 standard deviations above the mean the tail is zero in double precision.
    if (k > mu + 40 * Math.sqrt(mu) + 50) {
      return 0;
    }
    double logMu = Math.log(mu);
    double logTerm = -mu;
    double below = 0;
    for (long j = 0; j < (long) k; j++) {
      if (j > 0) {
        logTerm += logMu - Math.log(j);
      }
      below += Math.exp(logTerm);
    }
    return Math.max(0, Math.min(1, 1 - below));
  }

  private static void check(String name, double v, boolean strictlyPositive) {
    boolean ok = Double.isFinite(v) && (strictlyPositive ? v > 0 : v >= 0);
    if (!ok) {
      throw new IllegalArgumentException(
          name + " must be finite and " + (strictlyPositive ? "> 0" : ">= 0") + " but was " + v);
    }
  }
}
