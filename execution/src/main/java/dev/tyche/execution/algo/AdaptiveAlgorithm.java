package dev.tyche.execution.algo;

import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.num.Quantity;
import dev.tyche.risk.volatility.EwmaVolatility;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * An adaptive schedule: at each of {@code N} evenly spaced intervals it re-plans the rest of the
 * parent with Almgren-Chriss and then speeds up or slows down with the market.
 *
 * <p><b>Base.</b> With {@code X} the unfilled quantity and {@code R = N - k} intervals left, the
 * Almgren-Chriss schedule for the rest (2000, §2.2: holdings {@code x_j = X sinh(kappa (R - j)) /
 * sinh(kappa R)}, time in intervals) trades {@code X phi(kappa, R)} now, with {@code phi(kappa, R)
 * = 1 - sinh(kappa (R - 1)) / sinh(kappa R)} and {@code phi(0, R) = 1 / R} (a TWAP). Re-planning
 * from the actual fills makes the algorithm catch up after shortfalls.
 *
 * <p><b>Rules</b> (each a factor of a rate multiplier, which is clamped to {@code [minMultiplier,
 * maxMultiplier]}):
 *
 * <ol>
 *   <li><b>Volatility → urgency.</b> Almgren-Chriss urgency grows with volatility ({@code kappa ~
 *       sqrt(lambda sigma^2 / eta)}, §2.2), so the short-term volatility {@code sigma_s} (an EWMA
 *       of squared log returns of the reference price, RiskMetrics 1996) scales the urgency: factor
 *       {@code phi(kappa sigma_s / sigma_b, R) / phi(kappa, R)}. High volatility front-loads; with
 *       {@code kappa = 0} (a risk-neutral base) volatility has no effect, as in the model.
 *   <li><b>Spread → slow.</b> A spread wider than normal makes every child dearer: factor {@code
 *       min(1, normalSpread / spread)}; a normal or tighter spread leaves the rate alone.
 *   <li><b>Imbalance → fast when favourable.</b> The top-of-book imbalance {@code I = (Q_bid -
 *       Q_ask) / (Q_bid + Q_ask)} predicts the direction of the next mid-price move (Cartea,
 *       Jaimungal and Penalva 2015, "Algorithmic and High-Frequency Trading", §4.3; Lipton,
 *       Pesavento and Sotiropoulos 2013). It is favourable when the price is about to move against
 *       our waiting: {@code I > 0} (bid-heavy, price rising) for a buy, {@code I < 0} for a sell.
 *       Factor {@code 1 + gain * sign(side) * I}: faster when favourable, slower otherwise.
 * </ol>
 *
 * <p>The interval's child is {@code floor_step(min(X, X phi(kappa, R) * multiplier))}; the last
 * interval takes everything left. Without a quote the spread and imbalance factors are 1; before
 * two price observations the volatility factor is 1. Each decision is kept as an {@link
 * AdaptiveDecision}.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class AdaptiveAlgorithm extends ExecutionAlgorithm {

  private final AdaptiveConfig config;
  private final EwmaVolatility volatility;
  private final List<AdaptiveDecision> decisions = new ArrayList<>();
  private double previousReference = Double.NaN;
  private long observations;
  private Quantity target;

  /**
   * An adaptive algorithm.
   *
   * @param parent the parent order
   * @param settings the shared settings (subscribe to quotes or the book for the spread and
   *     imbalance rules)
   * @param config the rules' parameters
   */
  public AdaptiveAlgorithm(ParentOrder parent, AlgoSettings settings, AdaptiveConfig config) {
    super(parent, settings, times(parent, config), null);
    this.config = config;
    this.volatility =
        new EwmaVolatility(
            config.volatilityLambda(), config.baselineVolatility() * config.baselineVolatility());
    this.target = Quantity.zero(parent.quantity().scale());
  }

  /**
   * The decisions taken so far.
   *
   * @return one per interval reached, in order
   */
  public List<AdaptiveDecision> decisions() {
    return List.copyOf(decisions);
  }

  /**
   * The Almgren-Chriss share of the rest traded now.
   *
   * @param kappa urgency per interval, {@code >= 0}
   * @param remainingIntervals {@code R >= 1}
   * @return {@code phi(kappa, R)}, in {@code (0, 1]}
   */
  public static double frontFraction(double kappa, int remainingIntervals) {
    if (!(kappa >= 0) || !Double.isFinite(kappa)) {
      throw new IllegalArgumentException("kappa must be finite and >= 0 but was " + kappa);
    }
    if (remainingIntervals < 1) {
      throw new IllegalArgumentException(
          "remainingIntervals must be >= 1 but was " + remainingIntervals);
    }
    if (kappa == 0) {
      return 1.0 / remainingIntervals;
    }
    // sinh(a (R - 1)) / sinh(a R) = exp(-a) (1 - exp(-2a(R-1))) / (1 - exp(-2aR)), overflow-free.
    double ratio =
        Math.exp(-kappa)
            * -Math.expm1(-2 * kappa * (remainingIntervals - 1))
            / -Math.expm1(-2 * kappa * remainingIntervals);
    return 1 - ratio;
  }

  private static long[] times(ParentOrder parent, AdaptiveConfig config) {
    Objects.requireNonNull(parent, "parent must not be null");
    Objects.requireNonNull(config, "config must not be null");
    int n = config.intervals();
    if (parent.durationMillis() < n) {
      throw new IllegalArgumentException(
          "the horizon of " + parent.durationMillis() + " ms is too short for " + n + " intervals");
    }
    long[] t = new long[n];
    for (int k = 0; k < n; k++) {
      t[k] = parent.startTime() + Math.floorDiv(k * parent.durationMillis(), (long) n);
    }
    return t;
  }

  @Override
  void observe(MarketEvent event) {
    Optional<Double> ref = referencePrice();
    if (ref.isEmpty()) {
      return;
    }
    double p = ref.get();
    if (!Double.isNaN(previousReference)) {
      volatility.update(Math.log(p / previousReference));
      observations++;
    }
    previousReference = p;
  }

  @Override
  void onSlice(int k) {
    if (!isActive()) {
      return;
    }
    Quantity filled = filledQuantity();
    Quantity rest = parent().quantity().minus(filled);
    int remainingIntervals = config.intervals() - k;
    double x = rest.toDouble();
    double phi = frontFraction(config.urgency(), remainingIntervals);
    double volRatio =
        observations >= 2 ? volatility.volatility() / config.baselineVolatility() : 1.0;
    double volFactor = frontFraction(config.urgency() * volRatio, remainingIntervals) / phi;
    OptionalDouble spread = spreadBps();
    double spreadFactor =
        spread.isPresent() && spread.getAsDouble() > 0
            ? Math.min(1.0, config.normalSpreadBps() / spread.getAsDouble())
            : 1.0;
    OptionalDouble imbalance = imbalance();
    double imbalanceFactor =
        imbalance.isPresent()
            ? 1 + config.imbalanceGain() * parent().side().sign() * imbalance.getAsDouble()
            : 1.0;
    double multiplier =
        Math.max(
            config.minMultiplier(),
            Math.min(config.maxMultiplier(), volFactor * spreadFactor * imbalanceFactor));
    Quantity child =
        remainingIntervals == 1 ? rest : onGrid(Math.min(x, x * phi * multiplier)).min(rest);
    target = filled.plus(child);
    decisions.add(
        new AdaptiveDecision(
            k, now(), x, x * phi, volFactor, spreadFactor, imbalanceFactor, multiplier, child));
  }

  @Override
  Quantity targetCommitted(long now) {
    return target;
  }
}
