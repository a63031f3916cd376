package dev.tyche.execution.algo;

import dev.tyche.core.port.Subscription;
import dev.tyche.execution.slippage.SlippageThresholds;
import java.util.List;
import java.util.Objects;

/**
 * What every algorithm shares: how children are priced, which market data it watches, and its
 * slippage control.
 *
 * <p>Immutable and thread-safe.
 *
 * @param style market, limit or post-only children
 * @param limitOffsetTicks for {@link ChildOrderStyle#LIMIT}: ticks from the own-side touch in the
 *     aggressive direction, {@code >= 0} (0 = join the touch)
 * @param subscriptions the market data the algorithm subscribes to (it needs at least one stream
 *     with prices: trades, bars, quotes or the book); at least one
 * @param slippage alert and hard-limit thresholds against the arrival price
 * @param maxConsecutiveRejections after this many children in a row were denied by the risk gate or
 *     rejected by the venue, the algorithm stops ({@link AlgoState#FAILED}), {@code >= 1}
 * @param marketAtEnd whether, at the parent's end time, working limit children are cancelled and
 *     the rest is sent as market orders (otherwise limit children keep working until filled or the
 *     algorithm is cancelled)
 */
public record AlgoSettings(
    ChildOrderStyle style,
    int limitOffsetTicks,
    List<Subscription> subscriptions,
    SlippageThresholds slippage,
    int maxConsecutiveRejections,
    boolean marketAtEnd) {

  // An algorithm without price data would wait forever; make the mistake loud at construction.
  public AlgoSettings {
    Objects.requireNonNull(style, "style must not be null");
    Objects.requireNonNull(subscriptions, "subscriptions must not be null");
    Objects.requireNonNull(slippage, "slippage must not be null");
    subscriptions = List.copyOf(subscriptions);
    if (subscriptions.isEmpty()) {
      throw new IllegalArgumentException("subscriptions must hold at least one stream");
    }
    if (limitOffsetTicks < 0) {
      throw new IllegalArgumentException(
          "limitOffsetTicks must be >= 0 but was " + limitOffsetTicks);
    }
    if (maxConsecutiveRejections < 1) {
      throw new IllegalArgumentException(
          "maxConsecutiveRejections must be >= 1 but was " + maxConsecutiveRejections);
    }
  }

  /**
   * Market children, default slippage thresholds (25/50 bps), give up after 3 rejections in a row.
   *
   * @param subscriptions the market data to watch, at least one
   * @return the settings
   */
  public static AlgoSettings market(Subscription... subscriptions) {
    return new AlgoSettings(
        ChildOrderStyle.MARKET, 0, List.of(subscriptions), SlippageThresholds.DEFAULT, 3, false);
  }

  /**
   * A copy with another child style.
   *
   * @param newStyle the style
   * @param offsetTicks the limit offset in ticks, {@code >= 0}
   * @return the copy
   */
  public AlgoSettings withStyle(ChildOrderStyle newStyle, int offsetTicks) {
    return new AlgoSettings(
        newStyle, offsetTicks, subscriptions, slippage, maxConsecutiveRejections, marketAtEnd);
  }

  /**
   * A copy with other slippage thresholds.
   *
   * @param thresholds the thresholds
   * @return the copy
   */
  public AlgoSettings withSlippage(SlippageThresholds thresholds) {
    return new AlgoSettings(
        style, limitOffsetTicks, subscriptions, thresholds, maxConsecutiveRejections, marketAtEnd);
  }

  /**
   * A copy that finishes with market orders at the end time.
   *
   * @param value whether to finish with market orders
   * @return the copy
   */
  public AlgoSettings withMarketAtEnd(boolean value) {
    return new AlgoSettings(
        style, limitOffsetTicks, subscriptions, slippage, maxConsecutiveRejections, value);
  }
}
