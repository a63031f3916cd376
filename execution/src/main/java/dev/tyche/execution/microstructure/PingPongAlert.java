package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;

/**
 * Ping-pong trading detected by {@link PingPongDetector}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time epoch milliseconds of the trade that reached the threshold
 * @param startTime epoch milliseconds of the run's first trade
 * @param trades alternating trades in the run so far, positive
 * @param maxQuantity the largest trade quantity in the run, base units, positive
 * @param buyPrice the price of every buyer-initiated trade in the run
 * @param sellPrice the price of every seller-initiated trade in the run, at most {@code buyPrice}
 */
public record PingPongAlert(
    long time, long startTime, int trades, double maxQuantity, double buyPrice, double sellPrice)
    implements ManipulationAlert {

  public PingPongAlert {
    Require.positive("trades", trades);
    Require.positive("maxQuantity", maxQuantity);
    Require.positive("buyPrice", buyPrice);
    Require.positive("sellPrice", sellPrice);
    if (sellPrice > buyPrice || startTime > time) {
      throw new IllegalArgumentException(
          "sellPrice must be <= buyPrice and startTime <= time but were "
              + sellPrice
              + " / "
              + buyPrice
              + ", "
              + startTime
              + " / "
              + time);
    }
  }

  @Override
  public ManipulationKind kind() {
    return ManipulationKind.PING_PONG;
  }
}
