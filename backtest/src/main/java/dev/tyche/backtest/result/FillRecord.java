package dev.tyche.backtest.result;

import dev.tyche.core.id.Symbol;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.Side;
import java.util.Objects;
import java.util.Optional;

/**
 * One fill of the backtest, as booked in the engine's ledger.
 *
 * <p><b>Slippage</b> is the implementation shortfall of the fill against the decision price (A. F.
 * Perold, "The Implementation Shortfall: Paper Versus Reality", J. Portfolio Management 14(3),
 * 1988): {@code side * (fillPrice - decisionPrice) * quantity}, positive = a cost, where the
 * decision price is the simulated venue's reference price when the order was submitted (the last
 * close in bar matching, the last trade or mid otherwise). It collects the venue's slippage and
 * impact model, latency and, in bar matching, the move from the decision close to the next open; a
 * maker fill below the decision price counts as negative slippage (price improvement). It is
 * reported for information: the ledger books the fill price, so slippage is already inside the PnL
 * and is not subtracted again.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time the fill's event time, UTC epoch ms
 * @param strategy the owning strategy's id, or {@code "venue"} for a liquidation
 * @param clientOrderId the order's client id, or empty text for a liquidation
 * @param symbol the instrument
 * @param side buy or sell
 * @param price the fill price
 * @param quantity the fill quantity, {@code > 0}
 * @param fee the fee charged, positive = paid
 * @param liquidity maker or taker
 * @param decisionPrice the venue's reference price at submission, if known
 * @param slippage the implementation shortfall in the quote asset, positive = cost (zero when no
 *     decision price is known)
 * @param liquidation whether the venue closed the position by liquidation
 */
public record FillRecord(
    long time,
    String strategy,
    String clientOrderId,
    Symbol symbol,
    Side side,
    Price price,
    Quantity quantity,
    Money fee,
    Liquidity liquidity,
    Optional<Price> decisionPrice,
    Money slippage,
    boolean liquidation) {

  /** Checks for nulls. */
  public FillRecord {
    Objects.requireNonNull(strategy, "strategy must not be null");
    Objects.requireNonNull(clientOrderId, "clientOrderId must not be null");
    Objects.requireNonNull(symbol, "symbol must not be null");
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(price, "price must not be null");
    Objects.requireNonNull(quantity, "quantity must not be null");
    Objects.requireNonNull(fee, "fee must not be null");
    Objects.requireNonNull(liquidity, "liquidity must not be null");
    Objects.requireNonNull(decisionPrice, "decisionPrice must not be null (use Optional.empty())");
    Objects.requireNonNull(slippage, "slippage must not be null");
  }

  /**
   * The notional {@code price * quantity} in the quote asset.
   *
   * @return the notional as a double
   */
  public double notional() {
    return price.times(quantity).toDouble();
  }
}
