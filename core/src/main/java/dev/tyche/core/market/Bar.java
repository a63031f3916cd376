package dev.tyche.core.market;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.Objects;

/**
 * One OHLCV candle (a Binance kline) of traded prices.
 *
 * <p><b>Time convention.</b> A bar is stamped with its <em>open time</em>, as Binance does: the 1 h
 * bar stamped 10:00 covers the half-open interval [10:00, 11:00). Its {@link #closeTime()} is
 * {@code openTime + intervalMillis - 1} (Binance's own convention: the last millisecond inside the
 * bar), and the bar becomes known, and therefore usable without look-ahead, only at that moment:
 * {@link #eventTime()} is the close time, never the open time. All times are UTC epoch
 * milliseconds.
 *
 * <p>Prices are in quote units per base unit (USDT per BTC for BTCUSDT); {@code volume} is the
 * traded quantity in base units (BTC), which for USDⓈ-M contracts is the same as contracts. The
 * four prices normally share one scale, but the record does not require it.
 *
 * <p>Validation: {@code low <= min(open, close)}, {@code high >= max(open, close)} (hence {@code
 * low <= high}), {@code volume >= 0} (by {@link Quantity}), prices {@code > 0} (by {@link Price}),
 * {@code openTime >= 0}, and an interval of at least one second (Binance's shortest kline), so that
 * {@code closeTime > openTime}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param symbol the instrument's symbol
 * @param intervalMillis the bar length in milliseconds, at least 1000 (3 600 000 for 1 h)
 * @param openTime the open time, UTC epoch milliseconds, inclusive
 * @param open the first traded price in the interval
 * @param high the highest traded price
 * @param low the lowest traded price
 * @param close the last traded price
 * @param volume the traded quantity in base units, zero or positive
 */
public record Bar(
    Symbol symbol,
    long intervalMillis,
    long openTime,
    Price open,
    Price high,
    Price low,
    Price close,
    Quantity volume)
    implements MarketEvent {

  /** The shortest interval accepted: one second, Binance's {@code 1s} kline. */
  public static final long MIN_INTERVAL_MILLIS = 1_000L;

  // A bar that breaks OHLC ordering is a corrupt row; fail where it enters, naming the values.
  public Bar {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(open, "open");
    Objects.requireNonNull(high, "high");
    Objects.requireNonNull(low, "low");
    Objects.requireNonNull(close, "close");
    Objects.requireNonNull(volume, "volume");
    if (intervalMillis < MIN_INTERVAL_MILLIS) {
      throw new IllegalArgumentException(
          "intervalMillis must be >= " + MIN_INTERVAL_MILLIS + " but was " + intervalMillis);
    }
    if (openTime < 0 || openTime > Long.MAX_VALUE - intervalMillis) {
      throw new IllegalArgumentException(
          "openTime must be >= 0 and leave room for the interval but was " + openTime);
    }
    if (high.compareTo(open) < 0 || high.compareTo(close) < 0) {
      throw new IllegalArgumentException(
          "high must be >= max(open, close) but was high="
              + high
              + " open="
              + open
              + " close="
              + close
              + " for "
              + symbol
              + " at openTime "
              + openTime);
    }
    if (low.compareTo(open) > 0 || low.compareTo(close) > 0) {
      throw new IllegalArgumentException(
          "low must be <= min(open, close) but was low="
              + low
              + " open="
              + open
              + " close="
              + close
              + " for "
              + symbol
              + " at openTime "
              + openTime);
    }
  }

  /**
   * The last millisecond inside the bar: {@code openTime + intervalMillis - 1}.
   *
   * @return the close time, UTC epoch milliseconds
   */
  public long closeTime() {
    return openTime + intervalMillis - 1;
  }

  /**
   * When the bar becomes known: its {@link #closeTime()}. A strategy may act on a bar only at or
   * after this time.
   *
   * @return the event time, UTC epoch milliseconds
   */
  public long eventTime() {
    return closeTime();
  }

  /**
   * Whether the bar shows no trading: open, high, low and close equal and zero volume. Exchanges
   * emit such bars when nothing traded in the interval (for example during a halt).
   *
   * @return true for a flat, zero-volume bar
   */
  public boolean isFlatWithoutVolume() {
    return volume.isZero() && open.isEqualTo(high) && open.isEqualTo(low) && open.isEqualTo(close);
  }
}
