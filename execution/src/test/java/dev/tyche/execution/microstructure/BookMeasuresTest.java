package dev.tyche.execution.microstructure;

import static dev.tyche.execution.microstructure.Fixtures.handBook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.book.OrderBook;
import org.junit.jupiter.api.Test;

/**
 * Depth, imbalance and micro-price on a hand book: bids 99.9 x 1, 99.8 x 2, 99.0 x 5; asks 100.1 x
 * 1.5, 100.2 x 0.5, 101.5 x 3; mid 100.0.
 */
class BookMeasuresTest {
  private static final double TOL = 1e-12;

  @Test
  void depthAtTheBestAndWithinBands() {
    OrderBook book = handBook();
    BookDepth d = new BookDepth(10);
    assertThat(d.bidDepthWithinBand()).isNaN();
    d.update(book);
    assertThat(d.bandBps()).isEqualTo(10);
    assertThat(d.bestBidQuantity()).isEqualTo(1.0);
    assertThat(d.bestAskQuantity()).isEqualTo(1.5);
    // 10 bps of 100 = 0.1: the band is [99.9, 100.1], both edges exactly on a level.
    assertThat(d.bidDepthWithinBand()).isCloseTo(1.0, within(TOL));
    assertThat(d.askDepthWithinBand()).isCloseTo(1.5, within(TOL));
    BookDepth d20 = new BookDepth(20);
    d20.update(book); // [99.8, 100.2]
    assertThat(d20.bidDepthWithinBand()).isCloseTo(3.0, within(TOL));
    assertThat(d20.askDepthWithinBand()).isCloseTo(2.0, within(TOL));
    assertThat(d20.totalDepthWithinBand()).isCloseTo(5.0, within(TOL));
    BookDepth d15 = new BookDepth(15);
    d15.update(book); // [99.85, 100.15]
    assertThat(d15.bidDepthWithinBand()).isCloseTo(1.0, within(TOL));
    assertThat(d15.askDepthWithinBand()).isCloseTo(1.5, within(TOL));
    BookDepth d200 = new BookDepth(200);
    d200.update(book); // [98, 102]: everything
    assertThat(d200.bidDepthWithinBand()).isCloseTo(8.0, within(TOL));
    assertThat(d200.askDepthWithinBand()).isCloseTo(5.0, within(TOL));
  }

  @Test
  void imbalanceOverLevels() {
    OrderBook book = handBook();
    BookImbalance one = new BookImbalance(1);
    assertThat(one.value()).isNaN();
    assertThat(one.update(book)).isCloseTo((1 - 1.5) / 2.5, within(TOL)); // -0.2
    assertThat(new BookImbalance(2).update(book)).isCloseTo(0.2, within(TOL)); // (3 - 2) / 5
    BookImbalance ten = new BookImbalance(10); // more levels than the book holds
    assertThat(ten.update(book)).isCloseTo(3.0 / 13.0, within(TOL));
    assertThat(ten.value()).isCloseTo(3.0 / 13.0, within(TOL));
    assertThat(ten.levels()).isEqualTo(10);
    assertThat(BookImbalance.of(3, 0)).isEqualTo(1.0);
    assertThat(BookImbalance.of(0, 2)).isEqualTo(-1.0);
  }

  @Test
  void weightedMid() {
    // I = 1 / 2.5 = 0.4: 0.4 * 100.1 + 0.6 * 99.9 = 99.98
    assertThat(Microprice.weightedMid(99.9, 1, 100.1, 1.5)).isCloseTo(99.98, within(1e-9));
    assertThat(Microprice.weightedMid(handBook())).isCloseTo(99.98, within(1e-9));
    // Equal queues give the mid; a lopsided bid queue pulls it toward the ask.
    assertThat(Microprice.weightedMid(99, 2, 101, 2)).isCloseTo(100, within(1e-12));
    assertThat(Microprice.weightedMid(99, 3, 101, 1)).isCloseTo(100.5, within(1e-12));
  }
}
