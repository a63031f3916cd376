package dev.tyche.risk.pretrade;

import dev.tyche.core.account.AccountSnapshot;
import dev.tyche.core.account.Position;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.time.Clock;
import dev.tyche.risk.drawdown.DrawdownState;
import java.util.Objects;
import java.util.function.Function;

/**
 * An immutable {@link PreTradeContext}, built field by field or from an {@link AccountSnapshot}
 * with {@link #builder(Instrument, Price)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param instrument the order's instrument
 * @param markPrice the instrument's mark price
 * @param position the signed net position in the instrument, base units
 * @param equity the account equity in the valuation asset, finite
 * @param grossExposure {@code sum |Q_i| * mark_i} over all positions, finite, at least this
 *     instrument's {@code |position| * markPrice}
 * @param openOrders open orders over all symbols, {@code >= 0}
 * @param openOrdersForSymbol open orders in this instrument, in [0, openOrders]
 * @param startOfDayEquity the equity at the start of the trading day, finite
 * @param drawdown the current drawdown fraction, {@code >= 0}
 * @param killSwitchEngaged whether the drawdown kill switch is engaged
 * @param timeMillis the time of the check, UTC epoch milliseconds
 */
public record PreTradeSnapshot(
    Instrument instrument,
    Price markPrice,
    Decimal position,
    double equity,
    double grossExposure,
    int openOrders,
    int openOrdersForSymbol,
    double startOfDayEquity,
    double drawdown,
    boolean killSwitchEngaged,
    long timeMillis)
    implements PreTradeContext {

  // The leverage rule subtracts this symbol's notional from the gross; a gross that does not
  // contain it would let leverage be under-counted, so the inconsistency is refused here.
  public PreTradeSnapshot {
    Objects.requireNonNull(instrument, "instrument must not be null");
    Objects.requireNonNull(markPrice, "markPrice must not be null");
    Objects.requireNonNull(position, "position must not be null");
    if (!Double.isFinite(equity)) {
      throw new IllegalArgumentException("equity must be finite but was " + equity);
    }
    if (!(grossExposure >= 0.0 && Double.isFinite(grossExposure))) {
      throw new IllegalArgumentException(
          "grossExposure must be finite and >= 0 but was " + grossExposure);
    }
    double own = Math.abs(position.times(markPrice).toDouble());
    if (grossExposure < own * (1.0 - 1e-12)) {
      throw new IllegalArgumentException(
          "grossExposure must include this instrument's |position| * mark = "
              + own
              + " but was "
              + grossExposure);
    }
    if (openOrders < 0 || openOrdersForSymbol < 0 || openOrdersForSymbol > openOrders) {
      throw new IllegalArgumentException(
          "need 0 <= openOrdersForSymbol <= openOrders but were "
              + openOrdersForSymbol
              + " and "
              + openOrders);
    }
    if (!Double.isFinite(startOfDayEquity)) {
      throw new IllegalArgumentException(
          "startOfDayEquity must be finite but was " + startOfDayEquity);
    }
    if (!(drawdown >= 0.0 && Double.isFinite(drawdown))) {
      throw new IllegalArgumentException("drawdown must be finite and >= 0 but was " + drawdown);
    }
  }

  /**
   * A builder with a flat position, no gross exposure, no open orders, no drawdown and the kill
   * switch off; equity must be set, start-of-day equity defaults to it.
   *
   * @param instrument the order's instrument
   * @param markPrice the instrument's mark price
   * @return the builder
   */
  public static Builder builder(Instrument instrument, Price markPrice) {
    return new Builder(instrument, markPrice);
  }

  /**
   * Builds a {@link PreTradeSnapshot}.
   *
   * <p>Mutable; confined to one thread.
   */
  public static final class Builder {
    private final Instrument instrument;
    private final Price markPrice;
    private Decimal position;
    private double equity = Double.NaN;
    private double grossExposure;
    private int openOrders;
    private int openOrdersForSymbol;
    private double startOfDayEquity;
    private boolean startOfDayEquitySet;
    private double drawdown;
    private boolean killSwitch;
    private long timeMillis;

    private Builder(Instrument instrument, Price markPrice) {
      this.instrument = Objects.requireNonNull(instrument, "instrument must not be null");
      this.markPrice = Objects.requireNonNull(markPrice, "markPrice must not be null");
      this.position = Decimal.of(0, instrument.quantityScale());
    }

    /**
     * Sets the net position in the instrument.
     *
     * @param signedQuantity the signed position in base units
     * @return this builder
     */
    public Builder position(Decimal signedQuantity) {
      this.position = Objects.requireNonNull(signedQuantity, "signedQuantity must not be null");
      return this;
    }

    /**
     * Sets the gross exposure over all positions.
     *
     * @param gross {@code sum |Q_i| * mark_i} in the valuation asset
     * @return this builder
     */
    public Builder grossExposure(double gross) {
      this.grossExposure = gross;
      return this;
    }

    /**
     * Sets the position and gross exposure from an account snapshot: the position is the sum of the
     * instrument's position legs, the gross the sum of {@code |Q| * mark} over all open positions.
     *
     * @param account the account
     * @param marks the mark price of every symbol with an open position (this instrument's comes
     *     from {@code markPrice})
     * @return this builder
     * @throws IllegalArgumentException if an open position is quoted in another asset than this
     *     instrument, or a mark is missing
     */
    public Builder account(AccountSnapshot account, Function<Symbol, Price> marks) {
      Objects.requireNonNull(account, "account must not be null");
      Objects.requireNonNull(marks, "marks must not be null");
      Decimal net = Decimal.of(0, instrument.quantityScale());
      Decimal gross = Decimal.ZERO;
      for (Position p : account.positions()) {
        if (p.isFlat()) {
          continue;
        }
        if (!p.instrument().quoteAsset().equals(instrument.quoteAsset())) {
          throw new IllegalArgumentException(
              "position in "
                  + p.symbol()
                  + " is quoted in "
                  + p.instrument().quoteAsset()
                  + " but the valuation asset is "
                  + instrument.quoteAsset());
        }
        Price mark;
        if (p.symbol().equals(instrument.symbol())) {
          net = net.plus(p.signedQuantity());
          mark = markPrice;
        } else {
          mark = marks.apply(p.symbol());
          if (mark == null) {
            throw new IllegalArgumentException("no mark price for " + p.symbol());
          }
        }
        gross = gross.plus(p.notional(mark).amount());
      }
      this.position = net;
      this.grossExposure = gross.toDouble();
      return this;
    }

    /**
     * Sets the account equity.
     *
     * @param value balance plus unrealised PnL in the valuation asset (e.g. {@code
     *     Ledger.equity(...)})
     * @return this builder
     */
    public Builder equity(double value) {
      this.equity = value;
      return this;
    }

    /**
     * Sets the start-of-day equity (e.g. from a {@code DailyLossTracker}).
     *
     * @param value the equity at the start of the trading day
     * @return this builder
     */
    public Builder startOfDayEquity(double value) {
      this.startOfDayEquity = value;
      this.startOfDayEquitySet = true;
      return this;
    }

    /**
     * Sets the open-order counts.
     *
     * @param total over all symbols
     * @param forSymbol in this instrument
     * @return this builder
     */
    public Builder openOrders(int total, int forSymbol) {
      this.openOrders = total;
      this.openOrdersForSymbol = forSymbol;
      return this;
    }

    /**
     * Sets the drawdown and kill switch from a drawdown monitor's state.
     *
     * @param state the state
     * @return this builder
     */
    public Builder drawdown(DrawdownState state) {
      Objects.requireNonNull(state, "state must not be null");
      this.drawdown = state.drawdown();
      this.killSwitch = state.killSwitchEngaged();
      return this;
    }

    /**
     * Sets the drawdown and kill switch directly.
     *
     * @param fraction the current drawdown fraction
     * @param killSwitchEngaged whether the kill switch is engaged
     * @return this builder
     */
    public Builder drawdown(double fraction, boolean killSwitchEngaged) {
      this.drawdown = fraction;
      this.killSwitch = killSwitchEngaged;
      return this;
    }

    /**
     * Sets the time of the check.
     *
     * @param millis UTC epoch milliseconds
     * @return this builder
     */
    public Builder time(long millis) {
      this.timeMillis = millis;
      return this;
    }

    /**
     * Sets the time of the check from a clock.
     *
     * @param clock the engine clock
     * @return this builder
     */
    public Builder time(Clock clock) {
      this.timeMillis = Objects.requireNonNull(clock, "clock must not be null").currentTimeMillis();
      return this;
    }

    /**
     * Builds the snapshot.
     *
     * @return the snapshot
     * @throws IllegalArgumentException if equity was not set or a value is invalid
     */
    public PreTradeSnapshot build() {
      if (Double.isNaN(equity)) {
        throw new IllegalArgumentException("equity must be set (and not NaN)");
      }
      return new PreTradeSnapshot(
          instrument,
          markPrice,
          position,
          equity,
          grossExposure,
          openOrders,
          openOrdersForSymbol,
          startOfDayEquitySet ? startOfDayEquity : equity,
          drawdown,
          killSwitch,
          timeMillis);
    }
  }
}
