package dev.tyche.execution.microstructure;

import dev.tyche.core.Require;
import dev.tyche.core.order.Side;

/**
 * Momentum ignition detected by {@link MomentumIgnitionDetector}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param time epoch milliseconds of the trade that completed the reversal
 * @param side the aggressor side of the burst
 * @param burstStart epoch milliseconds of the first trade of the burst window
 * @param peakTime epoch milliseconds of the trade at the burst's extreme price
 * @param burstTrades trades in the burst window, positive
 * @param moveBps the move from the burst's first price to its extreme, bps of the first price, in
 *     the burst's direction, positive
 * @param reversalBps the retracement from the extreme, bps of the first price, positive
 */
public record MomentumIgnitionAlert(
    long time,
    Side side,
    long burstStart,
    long peakTime,
    int burstTrades,
    double moveBps,
    double reversalBps)
    implements ManipulationAlert {

  public MomentumIgnitionAlert {
    Require.notNull("side", side);
    Require.positive("burstTrades", burstTrades);
    Require.positive("moveBps", moveBps);
    Require.positive("reversalBps", reversalBps);
    if (burstStart > peakTime || peakTime > time) {
      throw new IllegalArgumentException(
          "times must satisfy burstStart <= peakTime <= time but were "
              + burstStart
              + ", "
              + peakTime
              + ", "
              + time);
    }
  }

  @Override
  public ManipulationKind kind() {
    return ManipulationKind.MOMENTUM_IGNITION;
  }
}
