package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.book.OrderBook;

/**
 * The imbalance-weighted mid price, the first-order estimate of Stoikov's micro-price.
 *
 * <p>Stoikov, "The micro-price: a high-frequency estimator of future prices", Quantitative Finance
 * 18(12) (2018), starts from the <em>weighted mid</em>
 *
 * <pre>{@code
 * P_w = I P_a + (1 - I) P_b,   I = Q_b / (Q_b + Q_a)
 * }</pre>
 *
 * from the best bid {@code P_b} with quantity {@code Q_b} and best ask {@code P_a} with {@code
 * Q_a}. The micro-price proper is the limit {@code P_micro = M + g(I, S)} of expected future mids,
 * estimated from a Markov chain of (imbalance, spread) states fitted to history; it is <b>not</b>
 * computed here. What this class gives is the weighted mid, which is the micro-price's first-order
 * approximation (it moves toward the side with less resting quantity, as the paper's adjustment
 * does) and needs no fitting. It always lies in {@code [P_b, P_a]}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Microprice {

  private Microprice() {}

  /**
   * The weighted mid {@code I P_a + (1 - I) P_b} with {@code I = Q_b / (Q_b + Q_a)}.
   *
   * @param bid the best bid price, finite and positive
   * @param bidQuantity the quantity at the best bid, finite and positive
   * @param ask the best ask price, above {@code bid}
   * @param askQuantity the quantity at the best ask, finite and positive
   * @return the weighted mid, in {@code [bid, ask]}
   * @throws IllegalArgumentException if a number is invalid or the quote is crossed
   */
  public static double weightedMid(double bid, double bidQuantity, double ask, double askQuantity) {
    Checks.quote(bid, ask);
    Require.positive("bidQuantity", bidQuantity);
    Require.positive("askQuantity", askQuantity);
    double i = bidQuantity / (bidQuantity + askQuantity);
    // bid + I (ask - bid) is monotone in I, so rounding cannot push it outside [bid, ask] by more
    // than an ulp; clamp the ulp away.
    double p = bid + i * (ask - bid);
    return Math.max(bid, Math.min(ask, p));
  }

  /**
   * The weighted mid of a book's best levels.
   *
   * @param book a book with at least one bid and one ask
   * @return the weighted mid, in quote units per base unit
   * @throws IllegalStateException if a side of the book is empty
   */
  public static double weightedMid(OrderBook book) {
    Require.notNull("book", book);
    if (!book.hasBid() || !book.hasAsk()) {
      throw new IllegalStateException(
          "the book needs both sides for a micro-price but was " + book);
    }
    double divisor = Math.pow(10, book.instrument().priceScale());
    return weightedMid(
        book.bestBidPriceUnits() / divisor,
        (double) book.bestBidQuantityUnits(),
        book.bestAskPriceUnits() / divisor,
        (double) book.bestAskQuantityUnits());
  }
}
