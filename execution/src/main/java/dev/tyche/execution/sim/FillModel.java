package dev.tyche.execution.sim;

import java.util.Objects;

/**
 * How a {@link SimulatedVenue} decides fills: the matching policy, one per venue instance. Each
 * policy consumes one kind of market data for matching; the other kinds only update the venue's
 * reference prices (last price, mark, quote).
 *
 * <ul>
 *   <li>{@link Book}: an L2 book rebuilt from {@code BookSnapshot}/{@code BookDelta}. Market and
 *       marketable limit orders walk the opposite side level by level; resting orders carry an
 *       estimated queue position that trades and cancellations at their price consume; they fill
 *       from {@code Trade}s.
 *   <li>{@link Trades}: no book. Resting orders fill from {@code Trade}s (a trade strictly through
 *       the price, or at the price once the queue estimated from the last {@code Quote} is gone);
 *       takers fill at the best opposite quote (or the last trade) plus a {@link SlippageModel}.
 *   <li>{@link Bars}: candles only, with pessimistic rules (see {@link Bars}).
 * </ul>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface FillModel permits FillModel.Book, FillModel.Trades, FillModel.Bars {

  /**
   * Matching against an L2 book with queue-position estimates.
   *
   * <p>Immutable and thread-safe.
   *
   * @param queueModel how cancellations at a level move our queue position
   */
  record Book(QueueModel queueModel) implements FillModel {
    /** Checks for null. */
    public Book {
      Objects.requireNonNull(queueModel, "queueModel must not be null");
    }
  }

  /**
   * Matching against the trade stream (and the top of book from quotes, when present).
   *
   * <p>Immutable and thread-safe.
   *
   * @param slippage the taker cost over the reference price
   */
  record Trades(SlippageModel slippage) implements FillModel {
    /** Checks for null. */
    public Trades {
      Objects.requireNonNull(slippage, "slippage must not be null");
    }
  }

  /**
   * Matching against bars, pessimistically: a bar is known only at its close, so an order is first
   * evaluated with the first bar that <em>opens</em> at or after its arrival.
   *
   * <ul>
   *   <li>Market orders fill at that bar's open (or, with {@link BarFillPrice#LAST_CLOSE}, at the
   *       close of the bar that closed exactly when the order arrived) plus {@code slippage}.
   *   <li>A limit order that is marketable at that open takes at the open plus slippage, never
   *       worse than its limit; otherwise it rests and fills as maker at its limit only when a
   *       bar's range trades <em>through</em> it ({@code low < buy limit}, {@code high > sell
   *       limit}), never at the touch.
   *   <li>Stop and take-profit orders trigger from the bar's high/low; a triggered market order
   *       fills at the trigger, or at the open when the bar gapped through the trigger and the open
   *       is worse, plus slippage; a triggered limit order starts working with the next bar.
   * </ul>
   *
   * <p>Immutable and thread-safe.
   *
   * @param marketPrice the reference price of market orders
   * @param slippage the taker cost over the reference price
   */
  record Bars(BarFillPrice marketPrice, SlippageModel slippage) implements FillModel {
    /** Checks for nulls. */
    public Bars {
      Objects.requireNonNull(marketPrice, "marketPrice must not be null");
      Objects.requireNonNull(slippage, "slippage must not be null");
    }
  }

  /**
   * Book matching with proportional queue attribution.
   *
   * @return the policy
   */
  static FillModel book() {
    return new Book(QueueModel.proportional());
  }

  /**
   * Trade matching without slippage.
   *
   * @return the policy
   */
  static FillModel trades() {
    return new Trades(SlippageModel.NONE);
  }

  /**
   * Bar matching at the next open without slippage.
   *
   * @return the policy
   */
  static FillModel bars() {
    return new Bars(BarFillPrice.NEXT_OPEN, SlippageModel.NONE);
  }

  /**
   * The reference price of a market order in bar matching.
   *
   * <p>Immutable and thread-safe.
   */
  enum BarFillPrice {
    /** The open of the first bar that opens at or after the order's arrival. */
    NEXT_OPEN,
    /**
     * The close of the last bar if the order arrived exactly at that bar's close time (a
     * zero-latency decision on that bar); otherwise the next open as in {@link #NEXT_OPEN}.
     */
    LAST_CLOSE
  }
}
