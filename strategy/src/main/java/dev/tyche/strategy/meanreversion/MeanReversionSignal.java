package dev.tyche.strategy.meanreversion;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.port.Subscription;
import dev.tyche.strategy.indicator.BollingerBands;
import dev.tyche.strategy.indicator.Rsi;
import dev.tyche.strategy.signal.BarSelector;
import dev.tyche.strategy.signal.SignalGenerator;
import java.util.List;
import java.util.Objects;

/**
 * Mean reversion: Bollinger bands (J. Bollinger, "Bollinger on Bollinger Bands", 2001) filtered by
 * the RSI (J. W. Wilder, "New Concepts in Technical Trading Systems", 1978).
 *
 * <p><b>Rules</b>, evaluated at each closed bar of {@code symbol} and {@code interval} (other
 * events are ignored), after the bands and the RSI have been updated with that bar's close:
 *
 * <ol>
 *   <li>Until both are ready the target is 0 (flat).
 *   <li>Long exit: {@code close >= middle} (reverted) or {@code close <= entry * (1 -
 *       stopFraction)} (stop). Short exit: {@code close <= middle} or {@code close >= entry * (1 +
 *       stopFraction)}.
 *   <li>Entry, only when flat and not on a bar that exited: long when {@code close < lower} and
 *       {@code RSI < oversold}; short (if {@code allowShort}) when {@code close > upper} and {@code
 *       RSI > overbought}.
 *   <li>After a stop, the stopped side is locked until a close lies between the bands again, so a
 *       market that keeps trending through the band is not bought again at every bar.
 * </ol>
 *
 * <p>Target: {@code +1} long, {@code -1} short, 0 flat.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class MeanReversionSignal implements SignalGenerator {

  private final MeanReversionParameters parameters;
  private final BarSelector bars;
  private final BollingerBands bands;
  private final Rsi rsi;
  private int position;
  private int locked;
  private double entry = Double.NaN;

  /**
   * Creates the signal.
   *
   * @param parameters the parameters
   */
  public MeanReversionSignal(MeanReversionParameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters must not be null");
    this.bars = new BarSelector(parameters.symbol(), parameters.interval());
    this.bands = new BollingerBands(parameters.bandPeriod(), parameters.bandWidth());
    this.rsi = new Rsi(parameters.rsiPeriod());
  }

  /**
   * The parameters.
   *
   * @return the parameters
   */
  public MeanReversionParameters parameters() {
    return parameters;
  }

  /**
   * The close at which the current position was opened.
   *
   * @return the entry close, or NaN when flat
   */
  public double entryPrice() {
    return entry;
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
    bands.update(close);
    rsi.update(close);
    if (!bands.isReady() || !rsi.isReady()) {
      return true;
    }
    double lower = bands.lower();
    double upper = bands.upper();
    if (close >= lower && close <= upper) {
      locked = 0;
    }
    if (position > 0) {
      if (close <= entry * (1.0 - parameters.stopFraction())) {
        exit(true);
      } else if (close >= bands.middle()) {
        exit(false);
      }
      return true;
    }
    if (position < 0) {
      if (close >= entry * (1.0 + parameters.stopFraction())) {
        exit(true);
      } else if (close <= bands.middle()) {
        exit(false);
      }
      return true;
    }
    double r = rsi.value();
    if (close < lower && r < parameters.oversold() && locked != 1) {
      position = 1;
      entry = close;
    } else if (parameters.allowShort()
        && close > upper
        && r > parameters.overbought()
        && locked != -1) {
      position = -1;
      entry = close;
    }
    return true;
  }

  private void exit(boolean stopped) {
    locked = stopped ? position : 0;
    position = 0;
    entry = Double.NaN;
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
