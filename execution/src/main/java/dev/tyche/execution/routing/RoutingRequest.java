package dev.tyche.execution.routing;

import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.order.Side;
import java.util.List;
import java.util.Objects;

/**
 * What the router needs to know about one order and its market.
 *
 * <p>Immutable and thread-safe.
 *
 * @param side the order's side
 * @param quantity the order size in base units, finite and {@code > 0}
 * @param urgency how soon it must be done, in {@code [0, 1]} (0: whenever, 1: now)
 * @param visibleDepth the visible quantity on the opposite side of the book that a taker order
 *     could reach (e.g. the first few levels), base units, finite and {@code >= 0}
 * @param spreadBps the quoted spread in basis points of the mid, finite and {@code >= 0}
 * @param fees the maker and taker rates
 * @param passiveFillProbability the estimated probability that a passive order at the touch fills
 *     within the order's horizon, in {@code [0, 1]} (see {@link FillProbability})
 */
public record RoutingRequest(
    Side side,
    double quantity,
    double urgency,
    double visibleDepth,
    double spreadBps,
    FeeTier fees,
    double passiveFillProbability) {

  // Every field enters a comparison; a NaN would make the decision silently arbitrary.
  public RoutingRequest {
    Objects.requireNonNull(side, "side must not be null");
    Objects.requireNonNull(fees, "fees must not be null");
    if (!(quantity > 0) || !Double.isFinite(quantity)) {
      throw new IllegalArgumentException("quantity must be finite and > 0 but was " + quantity);
    }
    unit("urgency", urgency);
    unit("passiveFillProbability", passiveFillProbability);
    if (!(visibleDepth >= 0) || !Double.isFinite(visibleDepth)) {
      throw new IllegalArgumentException(
          "visibleDepth must be finite and >= 0 but was " + visibleDepth);
    }
    if (!(spreadBps >= 0) || !Double.isFinite(spreadBps)) {
      throw new IllegalArgumentException("spreadBps must be finite and >= 0 but was " + spreadBps);
    }
  }

  /**
   * A request whose depth and spread are read from a book: the spread of the best levels, and the
   * opposite side's quantity over its first {@code levels} levels.
   *
   * @param side the order's side
   * @param quantity the order size, base units
   * @param urgency in {@code [0, 1]}
   * @param book the book, with both sides present
   * @param levels how many opposite-side levels count as reachable, {@code >= 1}
   * @param fees the fee tier
   * @param passiveFillProbability in {@code [0, 1]}
   * @return the request
   * @throws IllegalArgumentException if a side of the book is empty or {@code levels < 1}
   */
  public static RoutingRequest fromBook(
      Side side,
      double quantity,
      double urgency,
      BookSnapshot book,
      int levels,
      FeeTier fees,
      double passiveFillProbability) {
    Objects.requireNonNull(book, "book must not be null");
    Objects.requireNonNull(side, "side must not be null");
    if (levels < 1) {
      throw new IllegalArgumentException("levels must be >= 1 but was " + levels);
    }
    if (book.bids().isEmpty() || book.asks().isEmpty()) {
      throw new IllegalArgumentException(
          "book must have bids and asks but had "
              + book.bids().size()
              + " bid and "
              + book.asks().size()
              + " ask levels");
    }
    double bid = book.bids().get(0).price().toDouble();
    double ask = book.asks().get(0).price().toDouble();
    double spreadBps = 1e4 * (ask - bid) / ((ask + bid) / 2);
    List<BookLevel> opposite = side == Side.BUY ? book.asks() : book.bids();
    double depth = 0;
    for (int i = 0; i < Math.min(levels, opposite.size()); i++) {
      depth += opposite.get(i).quantity().toDouble();
    }
    return new RoutingRequest(
        side, quantity, urgency, depth, spreadBps, fees, passiveFillProbability);
  }

  private static void unit(String name, double v) {
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1] but was " + v);
    }
  }
}
