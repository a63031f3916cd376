package dev.tyche.core.book;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.BookDelta;
import dev.tyche.core.market.BookLevel;
import dev.tyche.core.market.BookSnapshot;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.ArrayList;
import java.util.List;

/** Shared test helpers: a BTCUSDT-like instrument (tick 0.10 at scale 2, step 0.001). */
final class Fixtures {
  static final Symbol BTCUSDT = Symbol.of("BTCUSDT");
  static final Instrument BTC =
      Instrument.builder(BTCUSDT)
          .assets(Asset.of("BTC"), Asset.USDT)
          .tickSize("0.10")
          .stepSize("0.001")
          .build();
  static final int PRICE_SCALE = BTC.priceScale();
  static final int QTY_SCALE = BTC.quantityScale();

  private Fixtures() {}

  /** A level from text, e.g. {@code lv("100.10", "1.5")}. */
  static BookLevel lv(String price, String quantity) {
    return BookLevel.parse(price, quantity);
  }

  /** A level from units at the instrument's scales. */
  static BookLevel lvUnits(long priceUnits, long quantityUnits) {
    return new BookLevel(Price.of(priceUnits, PRICE_SCALE), Quantity.of(quantityUnits, QTY_SCALE));
  }

  static BookSnapshot snapshot(long lastUpdateId, List<BookLevel> bids, List<BookLevel> asks) {
    return new BookSnapshot(BTCUSDT, lastUpdateId, 1_000L, bids, asks);
  }

  static BookDelta delta(
      long first, long last, long previous, List<BookLevel> bids, List<BookLevel> asks) {
    return new BookDelta(BTCUSDT, first, last, previous, 2_000L, bids, asks);
  }

  /** Units view of a book side, best first: {@code [price0, qty0, price1, qty1, ...]}. */
  static List<Long> flatten(List<BookLevel> levels) {
    List<Long> out = new ArrayList<>();
    for (BookLevel l : levels) {
      out.add(l.price().withScale(PRICE_SCALE).units());
      out.add(l.quantity().withScale(QTY_SCALE).units());
    }
    return out;
  }
}
