package dev.tyche.execution.algo;

import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.Objects;
import java.util.Optional;

/**
 * An iceberg: shows at most {@code display} of the parent at a time. One limit child of {@code
 * min(display, rest)} works at a time; when it has filled completely the next one is sent
 * (replenished), until the parent is done. Children are priced at a fixed limit price when one is
 * given, otherwise by the settings' child style. A rest below the venue's minimum is merged into
 * the last child, which may then show a little more than {@code display}. The horizon's end time
 * matters only with {@link AlgoSettings#marketAtEnd()}.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class IcebergAlgorithm extends ExecutionAlgorithm {

  private final Quantity display;
  private final Optional<Price> limitPrice;

  /**
   * An iceberg.
   *
   * @param parent the parent order
   * @param settings the shared settings
   * @param display the visible quantity, {@code > 0}, on the step grid
   * @param limitPrice a fixed limit price on the tick grid, or empty to price by the settings
   */
  public IcebergAlgorithm(
      ParentOrder parent, AlgoSettings settings, Quantity display, Optional<Price> limitPrice) {
    super(parent, settings, new long[0], null);
    this.display = Objects.requireNonNull(display, "display must not be null");
    this.limitPrice = Objects.requireNonNull(limitPrice, "limitPrice must not be null");
    if (display.isZero()) {
      throw new IllegalArgumentException("display must be > 0 but was " + display);
    }
  }

  @Override
  void checkInstrument(Instrument instrument) {
    if (!instrument.isOnQuantityGrid(display)) {
      throw new IllegalArgumentException(
          "display must be a multiple of stepSize "
              + instrument.stepSize()
              + " but was "
              + display);
    }
    if (limitPrice.isPresent() && !instrument.isOnPriceGrid(limitPrice.get())) {
      throw new IllegalArgumentException(
          "limitPrice must be a multiple of tickSize "
              + instrument.tickSize()
              + " but was "
              + limitPrice.get());
    }
  }

  @Override
  Quantity targetCommitted(long now) {
    Quantity committed = committed();
    return hasWorkingChildren() ? committed : committed.plus(display);
  }

  @Override
  Quantity maxChild() {
    return display;
  }

  @Override
  Optional<Price> fixedLimitPrice() {
    return limitPrice;
  }
}
