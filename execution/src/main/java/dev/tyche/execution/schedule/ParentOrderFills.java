package dev.tyche.execution.schedule;

import dev.tyche.core.Require;
import dev.tyche.core.order.Side;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A parent (meta) order and its executed child orders, in time order, as needed to calibrate the
 * linear impact model ({@link LinearImpactCalibration}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param side the parent's side
 * @param decisionPrice the price when the parent was decided (the arrival price {@code S0}),
 *     currency per share, finite and {@code > 0}
 * @param volatility {@code sigma} over the parent's life, currency per share per square root of a
 *     time unit, finite and {@code > 0}
 * @param children the executed children, at least one, sorted by start and not overlapping (each
 *     starts at or after the previous one's end)
 */
public record ParentOrderFills(
    Side side, double decisionPrice, double volatility, List<ChildOrderFill> children) {

  /** Validates the fields and freezes the list. */
  public ParentOrderFills {
    Objects.requireNonNull(side, "side");
    Require.positive("decisionPrice", decisionPrice);
    Require.positive("volatility", volatility);
    Objects.requireNonNull(children, "children");
    if (children.isEmpty()) {
      throw new IllegalArgumentException("children must hold at least one child order");
    }
    for (int k = 0; k < children.size(); k++) {
      ChildOrderFill c = Objects.requireNonNull(children.get(k), "children[" + k + "]");
      if (k > 0 && c.start() < children.get(k - 1).end()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "children must be sorted and not overlap, but children[%d] starts at %s before"
                    + " children[%d] ends at %s",
                k,
                c.start(),
                k - 1,
                children.get(k - 1).end()));
      }
    }
    children = List.copyOf(children);
  }

  /**
   * The slippage per share of child {@code k} against the decision price, positive when the fill
   * was worse than {@code S0}.
   *
   * @param k the child's index
   * @return {@code S0 - averagePrice} for a sale, {@code averagePrice - S0} for a purchase
   */
  public double slippagePerShare(int k) {
    double average = children.get(k).averagePrice();
    return side == Side.SELL ? decisionPrice - average : average - decisionPrice;
  }

  /**
   * The quantity the parent had traded before child {@code k}.
   *
   * @param k the child's index
   * @return {@code Q_k = n_0 + ... + n_{k-1}}, shares
   */
  public double priorQuantity(int k) {
    double q = 0;
    for (int j = 0; j < k; j++) {
      q += children.get(j).quantity();
    }
    return q;
  }
}
