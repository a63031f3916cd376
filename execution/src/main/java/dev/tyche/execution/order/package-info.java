/**
 * Order management: one {@link dev.tyche.execution.order.OrderStateMachine} per order with an
 * explicit transition table, the {@link dev.tyche.execution.order.OrderManager} that holds them,
 * and deterministic client order ids ({@link dev.tyche.execution.order.ClientOrderIds}). Illegal
 * transitions throw {@link dev.tyche.execution.order.IllegalOrderTransitionException}; idempotent
 * re-deliveries (known trade ids, repeated final events, stale acknowledgements) return {@link
 * dev.tyche.execution.order.Outcome#DUPLICATE_IGNORED}, which makes fills exactly-once.
 */
package dev.tyche.execution.order;
