package dev.tyche.core.order;

/**
 * An event carrying an execution: a partial or a complete fill.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface OrderFillEvent extends OrderEvent
    permits OrderPartiallyFilled, OrderFilled {

  /**
   * The execution this event reports.
   *
   * @return the execution
   */
  Execution execution();
}
