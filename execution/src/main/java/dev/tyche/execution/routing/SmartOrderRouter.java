package dev.tyche.execution.routing;

import java.util.Locale;
import java.util.Objects;

/**
 * Chooses a {@link Route} for an order. With {@code u} the urgency, {@code s} the spread, {@code
 * f_m, f_t} the maker and taker fees (all in basis points) and {@code p} the passive fill
 * probability:
 *
 * <ol>
 *   <li><b>Sweep.</b> {@code u >= sweepUrgency}: {@link Route#AGGRESSIVE}, whatever the size.
 *   <li><b>Large order.</b> size / visible opposite depth {@code > largeOrderDepthRatio}: taking it
 *       at once would walk the book, so it is scheduled: {@link Route#ADAPTIVE} if {@code u >=
 *       adaptiveUrgency}, otherwise {@link Route#TWAP}.
 *   <li><b>Small order.</b> Compare the expected costs {@code C_aggr = s/2 + f_t} (cross the half
 *       spread, pay the taker fee) and {@code C_pass = p (f_m - s/2) + (1 - p) (s/2 + f_t + u D)}
 *       (filled with probability {@code p}, earning the half spread; otherwise chased later as a
 *       taker after a delay whose cost {@code D = delayPenaltyBps} is weighted by the urgency).
 *       {@link Route#AGGRESSIVE} if {@code C_aggr <= C_pass}, otherwise {@link Route#PASSIVE}.
 * </ol>
 *
 * <p>The route is monotone in urgency (all else fixed, its {@link Route#aggressiveness()} never
 * falls as {@code u} rises): the size class does not depend on {@code u}, the thresholds are
 * ordered, and {@code C_pass} is non-decreasing in {@code u} while {@code C_aggr} is constant. The
 * passive-versus-aggressive comparison is the classic maker/taker trade-off of a limit order's
 * execution risk (Harris and Hasbrouck 1996, "Market vs. limit orders", JFQA 31(2)); the size rule
 * follows the usual practice of scheduling orders that exceed displayed liquidity (Almgren and
 * Chriss 2000).
 *
 * <p>Immutable and thread-safe.
 */
public final class SmartOrderRouter {

  private final RouterConfig config;

  /**
   * A router.
   *
   * @param config the thresholds
   */
  public SmartOrderRouter(RouterConfig config) {
    this.config = Objects.requireNonNull(config, "config must not be null");
  }

  /**
   * The configuration.
   *
   * @return the thresholds
   */
  public RouterConfig config() {
    return config;
  }

  /**
   * Chooses the route.
   *
   * @param request the order and its market
   * @return the decision with the compared numbers
   */
  public RoutingDecision route(RoutingRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    double u = request.urgency();
    double p = request.passiveFillProbability();
    double half = request.spreadBps() / 2;
    double aggressive = half + request.fees().takerBps();
    double passive =
        p * (request.fees().makerBps() - half)
            + (1 - p) * (half + request.fees().takerBps() + u * config.delayPenaltyBps());
    double ratio =
        request.visibleDepth() == 0
            ? Double.POSITIVE_INFINITY
            : request.quantity() / request.visibleDepth();
    if (u >= config.sweepUrgency()) {
      return decision(
          Route.AGGRESSIVE,
          ratio,
          aggressive,
          passive,
          "urgency %.3f >= sweep threshold %.3f (size/depth %.3f)",
          u,
          config.sweepUrgency(),
          ratio);
    }
    if (ratio > config.largeOrderDepthRatio()) {
      boolean adaptive = u >= config.adaptiveUrgency();
      return decision(
          adaptive ? Route.ADAPTIVE : Route.TWAP,
          ratio,
          aggressive,
          passive,
          "size/depth %.3f > %.3f (large); urgency %.3f %s adaptive threshold %.3f",
          ratio,
          config.largeOrderDepthRatio(),
          u,
          adaptive ? ">=" : "<",
          config.adaptiveUrgency());
    }
    boolean take = aggressive <= passive;
    return decision(
        take ? Route.AGGRESSIVE : Route.PASSIVE,
        ratio,
        aggressive,
        passive,
        "size/depth %.3f <= %.3f (small); aggressive cost %.3f bps %s passive expected cost %.3f"
            + " bps (spread %.3f, maker %.3f, taker %.3f, fill probability %.3f, urgency %.3f)",
        ratio,
        config.largeOrderDepthRatio(),
        aggressive,
        take ? "<=" : ">",
        passive,
        request.spreadBps(),
        request.fees().makerBps(),
        request.fees().takerBps(),
        p,
        u);
  }

  private static RoutingDecision decision(
      Route route, double ratio, double aggressive, double passive, String format, Object... args) {
    return new RoutingDecision(
        route, route + ": " + String.format(Locale.ROOT, format, args), ratio, aggressive, passive);
  }
}
