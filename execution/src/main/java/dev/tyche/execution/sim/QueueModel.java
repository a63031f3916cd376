package dev.tyche.execution.sim;

/**
 * How much of a price level's shrinkage that trades do not explain (cancellations) is assumed to
 * have been ahead of one of our resting orders in the queue.
 *
 * <p>An L2 feed shows only the total quantity per price, so when a level shrinks without trades the
 * venue cannot know whether the cancelled orders stood before or behind ours. Two common
 * assumptions are offered: {@link Proportional} spreads the cancellation over the level in
 * proportion to the quantity ahead of and behind us (the "probabilistic queue" of hftbacktest's
 * {@code ProbQueueModel} with a linear weight, after Rigtorp's queue-position estimate), and {@link
 * FixedShare} attributes a fixed fraction to the front. A share of 0 is the most pessimistic
 * (cancellations never move us forward), 1 the most optimistic.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface QueueModel permits QueueModel.Proportional, QueueModel.FixedShare {

  /**
   * The fraction of an unexplained decrease taken from the queue ahead of us.
   *
   * @param ahead the estimated quantity ahead of us before the decrease, {@code >= 0}
   * @param levelBefore the level quantity when the cancellations happened (the visible quantity
   *     before the decrease less the trades at the level since the previous update), {@code >=
   *     ahead}
   * @return a fraction in {@code [0, 1]}
   */
  double aheadShare(long ahead, long levelBefore);

  /**
   * Cancellations are spread over the level: the share ahead is {@code ahead / levelBefore}.
   *
   * <p>Immutable and thread-safe.
   */
  record Proportional() implements QueueModel {
    @Override
    public double aheadShare(long ahead, long levelBefore) {
      if (levelBefore <= 0) {
        return 0.0;
      }
      return Math.min(1.0, (double) ahead / (double) levelBefore);
    }
  }

  /**
   * A fixed fraction of every unexplained decrease is taken from the queue ahead.
   *
   * <p>Immutable and thread-safe.
   *
   * @param share the fraction, in {@code [0, 1]}
   */
  record FixedShare(double share) implements QueueModel {

    // Outside [0, 1] the queue could grow from a cancellation or shrink by more than was cancelled.
    public FixedShare {
      if (!(share >= 0.0 && share <= 1.0)) {
        throw new IllegalArgumentException("share must be in [0, 1] but was " + share);
      }
    }

    @Override
    public double aheadShare(long ahead, long levelBefore) {
      return share;
    }
  }

  /**
   * The proportional model.
   *
   * @return {@link Proportional}
   */
  static QueueModel proportional() {
    return new Proportional();
  }

  /**
   * The fixed-share model.
   *
   * @param share the fraction of cancellations ahead of us, in {@code [0, 1]}
   * @return {@link FixedShare}
   */
  static QueueModel fixedShare(double share) {
    return new FixedShare(share);
  }
}
