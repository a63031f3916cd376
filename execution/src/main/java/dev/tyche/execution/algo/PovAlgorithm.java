package dev.tyche.execution.algo;

import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.market.Bar;
import dev.tyche.core.market.MarketEvent;
import dev.tyche.core.market.Trade;
import dev.tyche.core.num.Quantity;
import java.util.Objects;

/**
 * Percentage of volume: keeps the committed quantity at {@code participation} times the market
 * volume observed since the start time, {@code target = floor_step(p V)}. Volume is counted from
 * the {@code Trade} and {@code Bar} events of the parent's symbol with an event time at or after
 * the start (subscribe to one of the two, or the volume counts twice). The feed's volume is the
 * whole market's; where it includes our own prints the realised participation is {@code p} exactly,
 * where it does not (a replay) it is {@code p / (1 + p)} of the total.
 *
 * <p>Children are at least {@code minChild} (below it the wish accumulates; the venue's minimum
 * quantity and notional apply on top) and at most {@code maxChild} per decision (one decision per
 * event or timer, so a burst of volume is worked off over several events); a remainder below the
 * minimum is merged into the last child.
 *
 * <p>Mutable; confined to the engine thread.
 */
public final class PovAlgorithm extends ExecutionAlgorithm {

  private final double participation;
  private final Quantity minChild;
  private final Quantity maxChild;
  private double volume;

  /**
   * A POV algorithm.
   *
   * @param parent the parent order
   * @param settings the shared settings
   * @param participation {@code p}, in {@code (0, 1]}
   * @param minChild the smallest child, {@code > 0}, on the step grid
   * @param maxChild the largest child, {@code >= minChild}, on the step grid
   */
  public PovAlgorithm(
      ParentOrder parent,
      AlgoSettings settings,
      double participation,
      Quantity minChild,
      Quantity maxChild) {
    super(parent, settings, new long[0], null);
    if (!(participation > 0 && participation <= 1)) {
      throw new IllegalArgumentException(
          "participation must be in (0, 1] but was " + participation);
    }
    this.participation = participation;
    this.minChild = Objects.requireNonNull(minChild, "minChild must not be null");
    this.maxChild = Objects.requireNonNull(maxChild, "maxChild must not be null");
    if (minChild.isZero()) {
      throw new IllegalArgumentException("minChild must be > 0 but was " + minChild);
    }
    if (maxChild.compareTo(minChild) < 0) {
      throw new IllegalArgumentException(
          "maxChild must be >= minChild " + minChild + " but was " + maxChild);
    }
  }

  /**
   * The market volume counted so far.
   *
   * @return base units since the start time
   */
  public double observedVolume() {
    return volume;
  }

  @Override
  void checkInstrument(Instrument instrument) {
    if (!instrument.isOnQuantityGrid(minChild) || !instrument.isOnQuantityGrid(maxChild)) {
      throw new IllegalArgumentException(
          "minChild "
              + minChild
              + " and maxChild "
              + maxChild
              + " must be multiples of stepSize "
              + instrument.stepSize());
    }
  }

  @Override
  void observe(MarketEvent event) {
    if (event.eventTime() < parent().startTime()) {
      return;
    }
    if (event instanceof Trade) {
      volume += ((Trade) event).quantity().toDouble();
    } else if (event instanceof Bar) {
      volume += ((Bar) event).volume().toDouble();
    }
  }

  @Override
  Quantity targetCommitted(long now) {
    return onGrid(participation * volume);
  }

  @Override
  Quantity minChildFloor() {
    return minChild;
  }

  @Override
  Quantity maxChild() {
    return maxChild;
  }
}
