package dev.tyche.portfolio.allocation;

import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Fixed;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Discrete allocation: turns target weights and a capital amount into buy quantities that every
 * instrument's filters accept, as close to the weights as a local search gets, never spending more
 * than the capital.
 *
 * <p><b>Feasible quantities.</b> For each instrument a quantity is {@code k} steps of its {@code
 * stepSize}, with {@code k = 0} (not bought) or {@code m <= k <= M}, where {@code m} is the
 * smallest lot passing both {@code minQuantity} and {@code minNotional} at the given price and
 * {@code M = maxQuantity / stepSize}. All money arithmetic is exact (fixed point); the spend is
 * checked exactly against the capital.
 *
 * <p><b>Objective.</b> The squared Euclidean distance between achieved weights {@code a_i =
 * notional_i / capital} and targets, {@code sum_i (a_i - w_i)^2}. The weights need not sum to one:
 * what they leave is meant to stay in cash. This is a weight-space distance, not an ex-ante
 * tracking error under a covariance matrix.
 *
 * <p><b>Method</b> (a heuristic for the integer program, with no optimality guarantee):
 *
 * <ol>
 *   <li>Round down: {@code k_i = floor(w_i C / (price_i step_i))}, dropped to zero if below the
 *       minimum lot and clamped to {@code M}. (If rounding of the weights makes this overspend,
 *       lots are removed, cheapest in objective first, until it fits.)
 *   <li>Local search by steepest descent over three kinds of move: one lot more on one instrument
 *       (from zero that means the minimum lot), one lot less (to zero below the minimum lot), or
 *       one less on one instrument and one more on another. Each round applies the move that lowers
 *       the objective most while the spend stays within the capital, and stops when no move
 *       improves. Starting from the floor, the first moves are the largest-remainder additions; the
 *       pair moves then repair what the minimum lots and the budget made the greedy pass miss.
 * </ol>
 *
 * The search makes at most {@code 10 000 + 100 n} moves; the result says whether it stopped at a
 * local optimum. Each round costs {@code O(n^2)}.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class DiscreteAllocation {

  /** A move must lower the objective by more than this to be taken (no cycling on rounding). */
  private static final double IMPROVEMENT = 1e-18;

  private DiscreteAllocation() {}

  /**
   * Allocates the capital to the targets.
   *
   * @param capital the cash to spend, {@code > 0}, in the quote asset of every instrument
   * @param targets the instruments, prices and weights, non-empty; weights {@code >= 0} summing to
   *     at most one (within 1e-9)
   * @return one order per target, the exact spend and leftover cash, the achieved weights
   * @throws IllegalArgumentException if the capital is not positive, an instrument is quoted in
   *     another asset, the weights sum to more than one, or the list is empty
   * @throws ArithmeticException if the amounts overflow the fixed-point range (more than 18
   *     decimals needed, or astronomically large values)
   */
  public static DiscreteAllocationResult allocate(Money capital, List<AllocationTarget> targets) {
    Objects.requireNonNull(capital, "capital must not be null");
    Objects.requireNonNull(targets, "targets must not be null");
    if (capital.signum() <= 0) {
      throw new IllegalArgumentException("capital must be > 0 but was " + capital);
    }
    int n = targets.size();
    if (n == 0) {
      throw new IllegalArgumentException("targets must not be empty");
    }
    double weightSum = 0.0;
    int scale = capital.scale();
    for (int i = 0; i < n; i++) {
      AllocationTarget t = Objects.requireNonNull(targets.get(i), "targets[" + i + "]");
      Instrument ins = t.instrument();
      if (!ins.quoteAsset().equals(capital.asset())) {
        throw new IllegalArgumentException(
            "instrument "
                + ins.symbol()
                + " is quoted in "
                + ins.quoteAsset()
                + " but capital is in "
                + capital.asset());
      }
      weightSum += t.weight();
      scale = Math.max(scale, t.price().scale() + ins.quantityScale());
      scale = Math.max(scale, ins.minNotional().scale());
    }
    if (weightSum > 1.0 + Inputs.WEIGHT_SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          "target weights must sum to at most 1 but summed to " + weightSum);
    }
    if (scale > 18) {
      throw new ArithmeticException(
          "the allocation needs " + scale + " decimal places, more than the 18 supported");
    }

    State s = new State(n, units(capital, scale));
    for (int i = 0; i < n; i++) {
      AllocationTarget t = targets.get(i);
      Instrument ins = t.instrument();
      long step = ins.stepSize().units();
      s.stepCost[i] = units(t.price().times(ins.stepSize()), scale);
      s.maxSteps[i] = ins.maxQuantity().units() / step;
      long byQuantity = ins.minQuantity().units() / step;
      long minNotional = units(ins.minNotional(), scale);
      long byNotional = ceilDiv(minNotional, s.stepCost[i]);
      s.minSteps[i] = Math.max(1L, Math.max(byQuantity, byNotional));
      s.weight[i] = t.weight();
      double ideal = t.weight() * s.capitalDouble / s.stepCost[i];
      long k = (long) Math.min(Math.floor(ideal), (double) s.maxSteps[i]);
      s.set(i, k < s.minSteps[i] ? 0L : k);
    }
    while (s.remaining < 0) {
      s.removeCheapest();
    }
    boolean localOptimum = false;
    int limit = 10_000 + 100 * n;
    for (int move = 0; move < limit; move++) {
      if (!s.improve()) {
        localOptimum = true;
        break;
      }
    }

    List<AllocatedOrder> orders = new ArrayList<>(n);
    Money spent = Money.zero(capital.asset(), capital.scale());
    double squared = 0.0;
    for (int i = 0; i < n; i++) {
      AllocationTarget t = targets.get(i);
      Instrument ins = t.instrument();
      Quantity q =
          Quantity.of(Math.multiplyExact(s.steps[i], ins.stepSize().units()), ins.quantityScale());
      Decimal notional = t.price().times(q);
      double achieved = s.achieved(i);
      squared += (achieved - t.weight()) * (achieved - t.weight());
      orders.add(new AllocatedOrder(ins, t.price(), q, notional, t.weight(), achieved));
      spent = spent.plus(notional);
    }
    return new DiscreteAllocationResult(
        orders, capital, spent, capital.minus(spent), Math.sqrt(squared), localOptimum);
  }

  /** The value in units of {@code 10^-scale}, exactly. */
  private static long units(Fixed value, int scale) {
    long factor = 1L;
    for (int k = value.scale(); k < scale; k++) {
      factor = Math.multiplyExact(factor, 10L);
    }
    return Math.multiplyExact(value.units(), factor);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  /** The search state: lots per instrument and the exact remaining cash. */
  private static final class State {
    final long[] stepCost;
    final long[] minSteps;
    final long[] maxSteps;
    final long[] steps;
    final double[] weight;
    final double capitalDouble;
    long remaining;

    State(int n, long capital) {
      stepCost = new long[n];
      minSteps = new long[n];
      maxSteps = new long[n];
      steps = new long[n];
      weight = new double[n];
      this.capitalDouble = capital;
      this.remaining = capital;
    }

    void set(int i, long k) {
      long before = Math.multiplyExact(steps[i], stepCost[i]);
      long after = Math.multiplyExact(k, stepCost[i]);
      remaining = Math.subtractExact(remaining, Math.subtractExact(after, before));
      steps[i] = k;
    }

    double achieved(int i) {
      return steps[i] * (double) stepCost[i] / capitalDouble;
    }

    /** The lot count one move up, or -1 if none. */
    long up(int i) {
      long next = steps[i] == 0 ? minSteps[i] : steps[i] + 1;
      return next <= maxSteps[i] ? next : -1L;
    }

    /** The lot count one move down, or -1 if none. */
    long down(int i) {
      if (steps[i] == 0) {
        return -1L;
      }
      return steps[i] - 1 < minSteps[i] ? 0L : steps[i] - 1;
    }

    double delta(int i, long k) {
      double now = achieved(i) - weight[i];
      double then = k * (double) stepCost[i] / capitalDouble - weight[i];
      return then * then - now * now;
    }

    /** Extra spend of moving instrument i to k lots (negative = cash freed). */
    long spend(int i, long k) {
      return Math.multiplyExact(k - steps[i], stepCost[i]);
    }

    /** Removes the lot whose removal raises the objective least (used only to restore budget). */
    void removeCheapest() {
      int best = -1;
      double bestDelta = Double.POSITIVE_INFINITY;
      for (int i = 0; i < steps.length; i++) {
        long k = down(i);
        if (k >= 0) {
          double d = delta(i, k);
          if (d < bestDelta) {
            bestDelta = d;
            best = i;
          }
        }
      }
      // remaining < 0 implies something is held, so best >= 0.
      set(best, down(best));
    }

    /** Applies the best improving move; false if there is none. */
    boolean improve() {
      int n = steps.length;
      double bestDelta = -IMPROVEMENT;
      int bestDown = -1;
      int bestUp = -1;
      long[] ups = new long[n];
      long[] downs = new long[n];
      double[] upDelta = new double[n];
      double[] downDelta = new double[n];
      for (int i = 0; i < n; i++) {
        ups[i] = up(i);
        downs[i] = down(i);
        if (ups[i] >= 0) {
          upDelta[i] = delta(i, ups[i]);
          if (upDelta[i] < bestDelta && spend(i, ups[i]) <= remaining) {
            bestDelta = upDelta[i];
            bestDown = -1;
            bestUp = i;
          }
        }
        if (downs[i] >= 0) {
          downDelta[i] = delta(i, downs[i]);
          if (downDelta[i] < bestDelta) {
            bestDelta = downDelta[i];
            bestDown = i;
            bestUp = -1;
          }
        }
      }
      for (int i = 0; i < n; i++) {
        if (downs[i] < 0) {
          continue;
        }
        long freed = spend(i, downs[i]);
        for (int j = 0; j < n; j++) {
          if (j == i || ups[j] < 0) {
            continue;
          }
          double d = downDelta[i] + upDelta[j];
          if (d < bestDelta && Math.addExact(freed, spend(j, ups[j])) <= remaining) {
            bestDelta = d;
            bestDown = i;
            bestUp = j;
          }
        }
      }
      if (bestDown < 0 && bestUp < 0) {
        return false;
      }
      if (bestDown >= 0) {
        set(bestDown, downs[bestDown]);
      }
      if (bestUp >= 0) {
        set(bestUp, ups[bestUp]);
      }
      return true;
    }
  }
}
