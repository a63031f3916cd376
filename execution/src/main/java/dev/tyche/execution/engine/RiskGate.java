package dev.tyche.execution.engine;

import dev.tyche.core.account.Ledger;
import dev.tyche.core.account.Position;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.risk.drawdown.DailyLossTracker;
import dev.tyche.risk.drawdown.DrawdownMonitor;
import dev.tyche.risk.pretrade.Decision;
import dev.tyche.risk.pretrade.PreTradeRule;
import dev.tyche.risk.pretrade.PreTradeRules;
import dev.tyche.risk.pretrade.PreTradeSnapshot;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The engine's pre-trade gate: every order a strategy submits passes {@link #check} before it can
 * reach the venue. It values the account from the ledger at the engine's latest marks, feeds that
 * equity to the drawdown monitor and the daily loss tracker (so their state is current at every
 * decision), builds a {@link PreTradeSnapshot} and runs the configured {@code risk.pretrade} rules.
 *
 * <p>Before the rules, the gate itself denies (rule {@value #GATE_RULE}) what cannot be checked: an
 * order for an instrument the engine does not know, an order for an instrument without any price
 * yet, and an account that cannot be valued (the ledger refuses to value an asset). Failing closed
 * is deliberate: an order whose risk cannot be computed does not go out.
 *
 * <p>Equity, gross exposure and PnL are in the valuation asset, which must be the quote asset of
 * the traded instruments (USDT for USDT-M). Gross exposure is {@code sum |Q_i| * mark_i} over the
 * open positions quoted in the valuation asset.
 *
 * <p>Mutable (the monitor and tracker); confined to the engine thread.
 */
public final class RiskGate {

  /** The rule name of the gate's own denials. */
  public static final String GATE_RULE = "risk-gate";

  private final PreTradeRule rules;
  private final Asset valuation;
  private final Optional<DrawdownMonitor> drawdown;
  private final Optional<DailyLossTracker> dailyLoss;
  private long lastTime = Long.MIN_VALUE;

  /**
   * A gate.
   *
   * @param rules the rules to run, in order (e.g. a {@link PreTradeRules})
   * @param valuation the account's valuation asset
   * @param drawdown a drawdown monitor to update and consult, or empty for none (no kill switch)
   * @param dailyLoss a daily loss tracker to update and consult, or empty (start-of-day equity is
   *     then the current equity, i.e. no daily loss)
   */
  public RiskGate(
      PreTradeRule rules,
      Asset valuation,
      Optional<DrawdownMonitor> drawdown,
      Optional<DailyLossTracker> dailyLoss) {
    this.rules = Objects.requireNonNull(rules, "rules must not be null");
    this.valuation = Objects.requireNonNull(valuation, "valuation must not be null");
    this.drawdown = Objects.requireNonNull(drawdown, "drawdown must not be null");
    this.dailyLoss = Objects.requireNonNull(dailyLoss, "dailyLoss must not be null");
  }

  /**
   * A gate that runs the given rules with no drawdown monitor or daily loss tracker.
   *
   * @param valuation the valuation asset
   * @param rules the rules in order; none means every checkable order passes
   * @return the gate
   */
  public static RiskGate of(Asset valuation, PreTradeRule... rules) {
    return new RiskGate(PreTradeRules.of(rules), valuation, Optional.empty(), Optional.empty());
  }

  /**
   * The valuation asset.
   *
   * @return the asset equity is measured in
   */
  public Asset valuation() {
    return valuation;
  }

  /**
   * Decides one order.
   *
   * @param order the order
   * @param instrument its instrument, or empty if the engine does not know it
   * @param ledger the account
   * @param marks the latest price per symbol, {@code null} where none is known yet
   * @param openOrders open orders over all symbols
   * @param openOrdersForSymbol open orders in the order's symbol
   * @param timeMillis the engine time
   * @return the approval or the first denial
   */
  public Decision check(
      SubmitOrder order,
      Optional<Instrument> instrument,
      Ledger ledger,
      Function<Symbol, Price> marks,
      int openOrders,
      int openOrdersForSymbol,
      long timeMillis) {
    if (instrument.isEmpty()) {
      return Decision.deny(
          GATE_RULE, "instrument " + order.symbol() + " is not traded by this engine");
    }
    Price mark = marks.apply(order.symbol());
    if (mark == null) {
      return Decision.deny(
          GATE_RULE, "no price for " + order.symbol() + " yet, so the order cannot be valued");
    }
    double equity;
    double gross;
    Decimal position;
    try {
      Money e = ledger.equity(valuation, marks);
      equity = e.amount().toDouble();
      gross = grossExposure(ledger, marks);
      position = netPosition(ledger, instrument.get());
    } catch (RuntimeException ex) {
      return Decision.deny(GATE_RULE, "the account cannot be valued: " + ex.getMessage());
    }
    PreTradeSnapshot.Builder ctx =
        PreTradeSnapshot.builder(instrument.get(), mark)
            .equity(equity)
            .openOrders(openOrders, openOrdersForSymbol)
            .time(timeMillis);
    ctx.position(position).grossExposure(gross);
    // A system clock can step back a little (NTP); the monitors refuse time going backwards.
    long t = Math.max(timeMillis, lastTime);
    lastTime = t;
    if (drawdown.isPresent()) {
      DrawdownMonitor m = drawdown.get();
      // The first equity must be positive for drawdowns to be defined; wait for one.
      if (m.updates() > 0 || equity > 0.0) {
        m.update(t, equity);
      }
      ctx.drawdown(m.updates() > 0 ? m.drawdown() : 0.0, m.killSwitchEngaged());
    }
    if (dailyLoss.isPresent()) {
      DailyLossTracker tracker = dailyLoss.get();
      tracker.update(t, equity);
      ctx.startOfDayEquity(tracker.startOfDayEquity());
    }
    return rules.check(order, ctx.build());
  }

  private double grossExposure(Ledger ledger, Function<Symbol, Price> marks) {
    double gross = 0.0;
    for (Position p : ledger.positions()) {
      if (!p.isFlat() && p.instrument().quoteAsset().equals(valuation)) {
        Price m = marks.apply(p.symbol());
        if (m == null) {
          throw new IllegalArgumentException("no mark price for open position " + p.symbol());
        }
        gross += p.notional(m).amount().toDouble();
      }
    }
    return gross;
  }

  private static Decimal netPosition(Ledger ledger, Instrument instrument) {
    Decimal net = Decimal.of(0, instrument.quantityScale());
    for (Position p : ledger.positions()) {
      if (p.symbol().equals(instrument.symbol())) {
        net = net.plus(p.signedQuantity());
      }
    }
    return net;
  }
}
