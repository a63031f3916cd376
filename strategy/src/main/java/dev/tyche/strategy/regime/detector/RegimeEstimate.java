package dev.tyche.strategy.regime.detector;

import dev.tyche.strategy.allocation.MarketRegime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link RegimeDetector} concluded after one bar. Every field uses data up to and including
 * that bar's close only.
 *
 * <p>While the detector warms up (no model fitted yet) {@code regime} and {@code modelRegime} are
 * {@link MarketRegime#UNKNOWN}, {@code confidence} is 0, and the two state arrays are empty.
 *
 * <p>Equality compares the arrays element by element through {@link Double#doubleToLongBits}, so
 * two equal estimates are identical bit for bit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time the time of the bar the estimate follows (a bar's close time), UTC epoch ms
 * @param bars number of bars seen, including this one ({@code >= 1})
 * @param regime the final regime: {@code CRISIS} when the crisis rule fires, else {@code
 *     modelRegime}, or {@code UNKNOWN} when {@code confidence} is below the configured minimum
 * @param modelRegime the HMM's most probable label: the label whose states carry the largest total
 *     filtered probability (ties go to the label declared first in {@link MarketRegime})
 * @param confidence the total filtered probability of {@code modelRegime}, in [0, 1]
 * @param stateProbabilities filtered probabilities {@code P(s_t = k | x_1..x_t)} of the K states in
 *     the detector's canonical order (ascending mean volatility feature, then ascending mean trend
 *     feature); copied
 * @param stateRegimes the label of each state, same order; copied
 * @param logReturn {@code ln(C_t / C_{t-1})}, NaN on the first bar
 * @param trend the trend feature {@code m_t} (mean log return per bar), NaN until defined
 * @param volatility {@code sigma_t}, the conditional standard deviation of the next log return
 *     given data up to t, NaN until a volatility model exists
 * @param drawdown {@code 1 - C_t / max(C)} over the drawdown window, in [0, 1)
 * @param refitted whether the models were refitted on this bar
 */
public record RegimeEstimate(
    long time,
    long bars,
    MarketRegime regime,
    MarketRegime modelRegime,
    double confidence,
    double[] stateProbabilities,
    List<MarketRegime> stateRegimes,
    double logReturn,
    double trend,
    double volatility,
    double drawdown,
    boolean refitted) {

  /** Validates and copies. */
  public RegimeEstimate {
    Objects.requireNonNull(regime, "regime must not be null");
    Objects.requireNonNull(modelRegime, "modelRegime must not be null");
    Objects.requireNonNull(stateProbabilities, "stateProbabilities must not be null");
    Objects.requireNonNull(stateRegimes, "stateRegimes must not be null");
    if (bars < 1) {
      throw new IllegalArgumentException("bars must be >= 1 but was " + bars);
    }
    if (!(confidence >= 0.0 && confidence <= 1.0)) {
      throw new IllegalArgumentException("confidence must be in [0, 1] but was " + confidence);
    }
    if (stateProbabilities.length != stateRegimes.size()) {
      throw new IllegalArgumentException(
          "stateProbabilities and stateRegimes must have the same length but had "
              + stateProbabilities.length
              + " and "
              + stateRegimes.size());
    }
    stateProbabilities = stateProbabilities.clone();
    stateRegimes = List.copyOf(stateRegimes);
  }

  /**
   * The filtered probabilities of the states.
   *
   * @return a copy
   */
  @Override
  public double[] stateProbabilities() {
    return stateProbabilities.clone();
  }

  /**
   * Whether a model was fitted and the estimate is more than a warm-up placeholder.
   *
   * @return true once the first fit has happened
   */
  public boolean isWarm() {
    return stateProbabilities.length > 0;
  }

  /**
   * Total filtered probability of the states labelled {@code label} (0 while warming up, and 0 for
   * {@code CRISIS} and {@code UNKNOWN}, which no state carries).
   *
   * @param label the label
   * @return the probability, in [0, 1]
   */
  public double probabilityOf(MarketRegime label) {
    Objects.requireNonNull(label, "label must not be null");
    double p = 0.0;
    for (int k = 0; k < stateProbabilities.length; k++) {
      if (stateRegimes.get(k) == label) {
        p += stateProbabilities[k];
      }
    }
    return p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RegimeEstimate e
        && time == e.time
        && bars == e.bars
        && regime == e.regime
        && modelRegime == e.modelRegime
        && Double.compare(confidence, e.confidence) == 0
        && Arrays.equals(stateProbabilities, e.stateProbabilities)
        && stateRegimes.equals(e.stateRegimes)
        && Double.compare(logReturn, e.logReturn) == 0
        && Double.compare(trend, e.trend) == 0
        && Double.compare(volatility, e.volatility) == 0
        && Double.compare(drawdown, e.drawdown) == 0
        && refitted == e.refitted;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
                time,
                bars,
                regime,
                modelRegime,
                confidence,
                stateRegimes,
                logReturn,
                trend,
                volatility,
                drawdown,
                refitted)
            * 31
        + Arrays.hashCode(stateProbabilities);
  }

  @Override
  public String toString() {
    return "RegimeEstimate[time="
        + time
        + ", bars="
        + bars
        + ", regime="
        + regime
        + ", modelRegime="
        + modelRegime
        + ", confidence="
        + confidence
        + ", stateProbabilities="
        + Arrays.toString(stateProbabilities)
        + ", stateRegimes="
        + stateRegimes
        + ", logReturn="
        + logReturn
        + ", trend="
        + trend
        + ", volatility="
        + volatility
        + ", drawdown="
        + drawdown
        + ", refitted="
        + refitted
        + "]";
  }
}
