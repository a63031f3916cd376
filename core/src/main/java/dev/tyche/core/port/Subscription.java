package dev.tyche.core.port;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.time.BarInterval;
import java.util.Objects;
import java.util.Optional;

/**
 * One market-data stream for one instrument.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the instrument
 * @param kind the kind of data
 * @param interval the bar interval: present exactly for {@link MarketDataKind#BARS}
 */
public record Subscription(Symbol symbol, MarketDataKind kind, Optional<BarInterval> interval) {

  // A bar stream without an interval (or a trade stream with one) is a caller's mistake.
  public Subscription {
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(kind, "kind must not be null");
    Objects.requireNonNull(interval, "interval must not be null (use Optional.empty())");
    if ((kind == MarketDataKind.BARS) != interval.isPresent()) {
      throw new IllegalArgumentException(
          "interval must be present exactly for BARS but kind was "
              + kind
              + " and interval "
              + interval.map(BarInterval::code).orElse("absent"));
    }
  }

  /**
   * Closed bars of one interval.
   *
   * @param symbol the instrument
   * @param interval the bar interval
   * @return the subscription
   */
  public static Subscription bars(Symbol symbol, BarInterval interval) {
    return new Subscription(symbol, MarketDataKind.BARS, Optional.of(interval));
  }

  /**
   * A stream without parameters (trades, quotes, book, mark price).
   *
   * @param symbol the instrument
   * @param kind the kind of data, not {@link MarketDataKind#BARS}
   * @return the subscription
   */
  public static Subscription of(Symbol symbol, MarketDataKind kind) {
    return new Subscription(symbol, kind, Optional.empty());
  }
}
