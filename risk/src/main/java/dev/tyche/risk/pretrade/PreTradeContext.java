package dev.tyche.risk.pretrade;

import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;

/**
 * What the pre-trade rules need to know about one order's surroundings: the order's instrument and
 * mark price, the account's position, equity and gross exposure, the open-order counts, today's
 * PnL, the drawdown state and the time. The engine implements it over its live state; {@link
 * PreTradeSnapshot} is a ready-made immutable implementation.
 *
 * <p>Money amounts are {@code double}s in the account's valuation asset, which must be the
 * instrument's quote asset (USDT for USDT-M perpetuals); exact order and position arithmetic uses
 * the exact {@link #position()} and {@link #markPrice()}.
 *
 * <p>Implementations must be consistent for the duration of one check; thread safety depends on the
 * implementation ({@link PreTradeSnapshot} is immutable and thread-safe).
 */
public interface PreTradeContext {

  /**
   * The instrument of the order being checked.
   *
   * @return the instrument
   */
  Instrument instrument();

  /**
   * The mark (reference) price of the instrument: Binance's mark price for perpetuals, or a mid
   * price. It need not lie on the tick grid.
   *
   * @return the price in quote units per base unit
   */
  Price markPrice();

  /**
   * The account's signed net position in the instrument, in base units (positive long, negative
   * short). In hedge mode it is the sum of the LONG and SHORT legs.
   *
   * @return the signed quantity
   */
  Decimal position();

  /**
   * The account equity: balance plus unrealised PnL, in the valuation asset.
   *
   * @return the equity, finite
   */
  double equity();

  /**
   * The gross exposure {@code sum_i |Q_i| * mark_i} over every open position, this instrument's
   * included, in the valuation asset.
   *
   * @return the gross notional, {@code >= 0}
   */
  double grossExposure();

  /**
   * The number of orders working at the venue (or sent and not yet final), all symbols.
   *
   * @return the count, {@code >= 0}
   */
  int openOrders();

  /**
   * The number of open orders in this instrument.
   *
   * @return the count, in [0, {@link #openOrders()}]
   */
  int openOrdersForSymbol();

  /**
   * The equity at the start of the trading day, adjusted for deposits and withdrawals since.
   *
   * @return the equity, finite
   */
  double startOfDayEquity();

  /**
   * Today's realised plus unrealised PnL.
   *
   * @return {@code equity() - startOfDayEquity()}
   */
  default double todayPnl() {
    return equity() - startOfDayEquity();
  }

  /**
   * The current drawdown of equity from its running peak (see {@code
   * dev.tyche.risk.drawdown.DrawdownMonitor}).
   *
   * @return the drawdown fraction, {@code >= 0}
   */
  double drawdown();

  /**
   * Whether the drawdown kill switch is engaged.
   *
   * @return true if engaged
   */
  boolean killSwitchEngaged();

  /**
   * The engine clock's time of the check.
   *
   * @return UTC epoch milliseconds
   */
  long timeMillis();
}
