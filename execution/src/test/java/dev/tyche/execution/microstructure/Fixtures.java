package dev.tyche.execution.microstructure;

import dev.tyche.core.book.OrderBook;
import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import java.util.ArrayList;
import java.util.List;

/** Shared test helpers: a BTCUSDT-like instrument (tick 0.10, step 0.001) and small books. */
final class Fixtures {
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  static final Instrument BTC =
      Instrument.builder(BTCUSDT)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();

  private Fixtures() {}

  /**
   * A book from alternating price/quantity text, best first on each side.
   *
   * @param bids e.g. {@code {"99.9", "1", "99.8", "2"}}
   * @param asks e.g. {@code {"100.1", "1.5"}}
   */
  static OrderBook book(String[] bids, String[] asks) {
    OrderBook book = new OrderBook(BTC);
    book.applySnapshot(new BookSnapshot(BTCUSDT, 1, 1, levels(bids), levels(asks)));
    return book;
  }

  private static List<BookLevel> levels(String[] pq) {
    List<BookLevel> out = new ArrayList<>();
    for (int i = 0; i < pq.length; i += 2) {
      out.add(new BookLevel(BTC.parsePrice(pq[i]), BTC.parseQuantity(pq[i + 1])));
    }
    return out;
  }

  /** The book used by the hand-computed depth and imbalance tests: mid 100.0. */
  static OrderBook handBook() {
    return book(
        new String[] {"99.9", "1", "99.8", "2", "99.0", "5"},
        new String[] {"100.1", "1.5", "100.2", "0.5", "101.5", "3"});
  }
}
