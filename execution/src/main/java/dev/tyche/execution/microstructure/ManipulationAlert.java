package dev.tyche.execution.microstructure;

/**
 * A detection of a possibly manipulative pattern, with the numbers that triggered it. A detection
 * is a statistical flag on anonymous public data, not proof: L2 data has no order or trader ids.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface ManipulationAlert
    permits QuoteStuffingAlert, LayeringAlert, MomentumIgnitionAlert, PingPongAlert {

  /**
   * When the pattern was completed.
   *
   * @return epoch milliseconds of the event that triggered the detection
   */
  long time();

  /**
   * Which pattern.
   *
   * @return the kind
   */
  ManipulationKind kind();
}
