package dev.tyche.strategy.range;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.port.Subscription;
import dev.tyche.strategy.indicator.DonchianChannel;
import dev.tyche.strategy.signal.BarSelector;
import dev.tyche.strategy.signal.SignalGenerator;
import java.util.List;
import java.util.Objects;

/**
 * Range trading between support and resistance taken from rolling extremes (a Donchian channel, R.
 * Donchian's n-bar high/low rule).
 *
 * <p><b>Levels.</b> At bar {@code t}, support {@code S} is the lowest low and resistance {@code R}
 * the highest high of the {@code n} <em>previous</em> bars {@code t-n .. t-1}: the current bar is
 * excluded from the levels it is judged against, otherwise a close above every earlier high would
 * simply raise {@code R} and a breakout could never be seen. The width is {@code W = R - S}.
 *
 * <p><b>Rules</b>, at each closed bar of {@code symbol} and {@code interval} (other events are
 * ignored):
 *
 * <ol>
 *   <li>Until {@code n} previous bars exist, or when {@code W = 0}, the target is 0.
 *   <li>Breakout: {@code close > R + threshold * W} or {@code close < S - threshold * W}. The
 *       position is closed and the signal stands aside (target 0) on this bar and the next {@code
 *       cooldownBars} bars; a breakout during the cool-down restarts it.
 *   <li>Otherwise, outside the cool-down: {@code close <= S + zone * W} opens or keeps a long;
 *       {@code close >= R - zone * W} closes a long and opens a short if {@code allowShort};
 *       between the zones the position is held.
 * </ol>
 *
 * <p>Target: {@code +1} long, {@code -1} short, 0 flat. Classic floor-trader pivots were
 * considered; rolling extremes were chosen because they need no session boundary in a 24/7 market.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class RangeTradingSignal implements SignalGenerator {

  private final RangeTradingParameters parameters;
  private final BarSelector bars;
  private final DonchianChannel channel;
  private int position;
  private int cooldown;
  private double support = Double.NaN;
  private double resistance = Double.NaN;

  /**
   * Creates the signal.
   *
   * @param parameters the parameters
   */
  public RangeTradingSignal(RangeTradingParameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters must not be null");
    this.bars = new BarSelector(parameters.symbol(), parameters.interval());
    this.channel = new DonchianChannel(parameters.lookback());
  }

  /**
   * The parameters.
   *
   * @return the parameters
   */
  public RangeTradingParameters parameters() {
    return parameters;
  }

  /**
   * The support used for the latest decision.
   *
   * @return the lowest low of the {@code n} bars before the latest one, or NaN before that exists
   */
  public double support() {
    return support;
  }

  /**
   * The resistance used for the latest decision.
   *
   * @return the highest high of the {@code n} bars before the latest one, or NaN before that exists
   */
  public double resistance() {
    return resistance;
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
    // Levels from the previous n bars, read before this bar enters the channel.
    support = channel.lower();
    resistance = channel.upper();
    channel.update(bar);
    decide(bar.close().toDouble());
    return true;
  }

  private void decide(double close) {
    if (Double.isNaN(support)) {
      return;
    }
    double width = resistance - support;
    if (!(width > 0.0)) {
      position = 0;
      return;
    }
    double margin = parameters.breakoutThreshold() * width;
    if (close > resistance + margin || close < support - margin) {
      position = 0;
      cooldown = parameters.cooldownBars();
      return;
    }
    if (cooldown > 0) {
      cooldown--;
      position = 0;
      return;
    }
    double zone = parameters.entryZone() * width;
    if (close <= support + zone) {
      position = 1;
    } else if (close >= resistance - zone) {
      position = parameters.allowShort() ? -1 : 0;
    }
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
