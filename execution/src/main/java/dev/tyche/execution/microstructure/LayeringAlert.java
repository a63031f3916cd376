package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.order.Side;

/**
 * Layering (spoofing) detected by {@link LayeringDetector}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time epoch milliseconds of the event (cancel or trade) that completed the pattern
 * @param side the side of the book the large orders were placed on ({@link Side#BUY} = bids)
 * @param cancelledLevels distinct prices on {@code side} whose large additions were cancelled in
 *     the window, positive
 * @param cancelledQuantity the large added quantity that was cancelled, base units, positive
 * @param oppositeTradeQuantity volume traded against the other side of the book in the window, base
 *     units, positive
 * @param windowMillis the window the evidence covers, {@code (time - windowMillis, time]}
 */
public record LayeringAlert(
    long time,
    Side side,
    int cancelledLevels,
    double cancelledQuantity,
    double oppositeTradeQuantity,
    long windowMillis)
    implements ManipulationAlert {

  public LayeringAlert {
    Require.notNull("side", side);
    Require.positive("cancelledLevels", cancelledLevels);
    Require.positive("cancelledQuantity", cancelledQuantity);
    Require.positive("oppositeTradeQuantity", oppositeTradeQuantity);
    Require.positive("windowMillis", windowMillis);
  }

  @Override
  public ManipulationKind kind() {
    return ManipulationKind.LAYERING;
  }
}
