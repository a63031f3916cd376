package dev.tyche.strategy.indicator;

/**
 * A streaming indicator of one series (a close, a return, any scalar observation).
 *
 * <p>Implementations are mutable; confined to one thread.
 */
public interface Indicator extends StreamingIndicator {

  /**
   * Feeds the next observation. Allocates nothing.
   *
   * @param x the observation, finite (some implementations also require {@code x > 0}, as stated on
   *     the class)
   * @throws IllegalArgumentException if {@code x} is NaN, infinite or otherwise outside the
   *     implementation's domain; the state is then unchanged
   */
  void update(double x);
}
