package dev.tyche.strategy.trend;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.port.Subscription;
import dev.tyche.strategy.indicator.Atr;
import dev.tyche.strategy.indicator.Ema;
import dev.tyche.strategy.indicator.Indicator;
import dev.tyche.strategy.indicator.Sma;
import dev.tyche.strategy.signal.BarSelector;
import dev.tyche.strategy.signal.SignalGenerator;
import java.util.List;
import java.util.Objects;

/**
 * Trend following: a fast/slow moving-average crossover with an ATR trailing stop.
 *
 * <p><b>Rules</b>, evaluated at each closed bar of {@code symbol} and {@code interval} (other
 * events are ignored), after the averages of the close and the ATR (Wilder, 1978) have been updated
 * with that bar:
 *
 * <ol>
 *   <li>Until the slow average and the ATR are ready the target is 0 (flat).
 *   <li>The trend is {@code +1} if {@code fast > slow}, {@code -1} if {@code fast < slow}, else 0.
 *   <li>In a long position the extreme is the highest close since entry, and the position is closed
 *       when {@code close <= extreme - k * ATR}; for a short the extreme is the lowest close and
 *       the stop is {@code close >= extreme + k * ATR}. Stops are checked against the close because
 *       the strategy acts only at a bar's close. After a stop the same direction is locked until
 *       the trend changes, so the position is not re-entered while the stopped trend lasts.
 *   <li>A position whose direction disagrees with the trend is closed.
 *   <li>When flat, a position is opened in the trend's direction (short only if {@code allowShort})
 *       unless that direction is locked; the extreme starts at the entry close.
 * </ol>
 *
 * <p>Target: {@code +1} long, {@code -1} short, 0 flat. The ATR trailing stop ("chandelier exit")
 * follows C. LeBeau and D. Lucas, "Technical Traders Guide to Computer Analysis of the Futures
 * Market" (1992); the crossover is the classic dual moving-average system.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class TrendFollowingSignal implements SignalGenerator {

  private final TrendFollowingParameters parameters;
  private final BarSelector bars;
  private final Indicator fast;
  private final Indicator slow;
  private final Atr atr;
  private int position;
  private int locked;
  private double extreme = Double.NaN;

  /**
   * Creates the signal.
   *
   * @param parameters the parameters
   */
  public TrendFollowingSignal(TrendFollowingParameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters must not be null");
    this.bars = new BarSelector(parameters.symbol(), parameters.interval());
    this.fast = average(parameters.averageType(), parameters.fastPeriod());
    this.slow = average(parameters.averageType(), parameters.slowPeriod());
    this.atr = new Atr(parameters.atrPeriod());
  }

  private static Indicator average(MovingAverageType type, int period) {
    return type == MovingAverageType.SMA ? new Sma(period) : new Ema(period);
  }

  /**
   * The parameters.
   *
   * @return the parameters
   */
  public TrendFollowingParameters parameters() {
    return parameters;
  }

  /**
   * The current trailing-stop level, for inspection.
   *
   * @return the close at which the position is stopped, or NaN when flat
   */
  public double stopLevel() {
    if (position == 0) {
      return Double.NaN;
    }
    return extreme - position * parameters.atrMultiple() * atr.value();
  }

  @Override
  public List<Symbol> symbols() {
    return bars.symbols();
  }

  @Override
  public List<Subscription> subscriptions() {
    return bars.subscriptions();
  }

  @Override
  public boolean onMarketEvent(MarketEvent event) {
    Bar bar = bars.select(event);
    if (bar == null) {
      return false;
    }
    double close = bar.close().toDouble();
    fast.update(close);
    slow.update(close);
    atr.update(bar);
    if (!slow.isReady() || !atr.isReady()) {
      return true;
    }
    int trend = Integer.signum(Double.compare(fast.value(), slow.value()));
    if (trend != locked) {
      locked = 0;
    }
    if (position != 0) {
      extreme = position > 0 ? Math.max(extreme, close) : Math.min(extreme, close);
      double stop = extreme - position * parameters.atrMultiple() * atr.value();
      boolean stopped = position > 0 ? close <= stop : close >= stop;
      if (stopped) {
        locked = position;
        position = 0;
      } else if (trend != position) {
        position = 0;
      }
    }
    if (position == 0 && trend != 0 && trend != locked && (trend > 0 || parameters.allowShort())) {
      position = trend;
      extreme = close;
    }
    if (position == 0) {
      extreme = Double.NaN;
    }
    return true;
  }

  @Override
  public double target(Symbol symbol) {
    if (!parameters.symbol().equals(symbol)) {
      throw new IllegalArgumentException(
          "this signal trades " + parameters.symbol() + " but was asked about " + symbol);
    }
    return position;
  }
}
