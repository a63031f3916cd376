package dev.tyche.benchmarks.backtest;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.market.Bar;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.port.Subscription;
import dev.tyche.core.strategy.Strategy;
import dev.tyche.core.strategy.StrategyContext;
import dev.tyche.core.time.BarInterval;
import dev.tyche.strategy.indicator.Sma;
import java.util.Arrays;

/**
 * Long-only SMA crossover with the same rules as ta4j's {@code CrossedUpIndicatorRule(fast, slow)}
 * entry and {@code CrossedDownIndicatorRule(fast, slow)} exit under a {@code BaseStrategy} with
 * {@code unstableBars = slow}: on bar {@code i} (0-based), with both averages of closes complete,
 * enter (market buy) when flat and {@code fast > slow} while at the last earlier bar where they
 * differed {@code fast < slow}; exit (market sell) when long and the reverse. Decisions are taken
 * at the bar's close and fill at the next bar's open (the venue's {@code NEXT_OPEN} rule, ta4j's
 * default {@code TradeOnNextOpenModel}).
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class SmaCrossStrategy implements Strategy {

  private final Symbol symbol;
  private final Quantity quantity;
  private final int unstable;
  private final Sma fast;
  private final Sma slow;
  private final boolean recordDecisions;
  private StrategyContext ctx;
  private int index = -1;
  private int lastSign;
  private boolean long_;
  private int[] decisions = new int[16];
  private int decisionCount;

  /**
   * Creates the strategy.
   *
   * @param symbol the instrument
   * @param quantity the size of every entry
   * @param fastPeriod the fast average's bars
   * @param slowPeriod the slow average's bars (also the unstable period)
   * @param recordDecisions whether to keep the bar index of every decision (for tests)
   */
  public SmaCrossStrategy(
      Symbol symbol, Quantity quantity, int fastPeriod, int slowPeriod, boolean recordDecisions) {
    this.symbol = symbol;
    this.quantity = quantity;
    this.unstable = slowPeriod;
    this.fast = new Sma(fastPeriod);
    this.slow = new Sma(slowPeriod);
    this.recordDecisions = recordDecisions;
  }

  @Override
  public void onStart(StrategyContext context) {
    ctx = context;
    context.subscribe(Subscription.bars(symbol, BarInterval.MINUTE_1));
  }

  @Override
  public void onBar(Bar bar) {
    index++;
    double c = bar.close().toDouble();
    fast.update(c);
    slow.update(c);
    if (!slow.isReady() || !fast.isReady()) {
      return;
    }
    double diff = fast.value() - slow.value();
    int sign = diff > 0 ? 1 : diff < 0 ? -1 : 0;
    boolean up = sign > 0 && lastSign < 0;
    boolean down = sign < 0 && lastSign > 0;
    if (sign != 0) {
      lastSign = sign;
    }
    if (index < unstable) {
      return;
    }
    if (!long_ && up) {
      long_ = true;
      decide(Side.BUY);
    } else if (long_ && down) {
      long_ = false;
      decide(Side.SELL);
    }
  }

  private void decide(Side side) {
    ctx.submit(SubmitOrder.market(ctx.nextClientOrderId(), symbol, side, quantity));
    if (recordDecisions) {
      if (decisionCount == decisions.length) {
        decisions = Arrays.copyOf(decisions, 2 * decisionCount);
      }
      decisions[decisionCount++] = index;
    }
  }

  /**
   * The bar indices (0-based) at which the strategy decided to enter or exit, alternating.
   *
   * @return a copy (empty unless recording)
   */
  public int[] decisions() {
    return Arrays.copyOf(decisions, decisionCount);
  }
}
