package dev.tyche.risk.sizing;

import dev.tyche.core.instrument.GridRounding;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.risk.kelly.KellyBet;
import dev.tyche.risk.margin.LeverageBrackets;
import dev.tyche.risk.margin.Liquidation;
import dev.tyche.risk.margin.LiquidationPrice;
import dev.tyche.risk.margin.MarginMode;
import dev.tyche.risk.margin.PositionDirection;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sizes one new position as the smallest of several independent limits, then moves it onto the
 * instrument's grid and through its filters.
 *
 * <p>Candidates, each the largest quantity (base units) the limit allows:
 *
 * <ul>
 *   <li>{@link SizeLimit#KELLY}: {@code |f| * equity / price} with {@code f} the (fractional,
 *       constrained) fraction of a {@link KellyBet} (Kelly 1956, "A New Interpretation of
 *       Information Rate", Bell System Technical Journal 35(4)); zero if {@code f} is zero or
 *       points the other way;
 *   <li>{@link SizeLimit#VOLATILITY_TARGET}: {@code equity * targetVol / instrumentVol / price};
 *   <li>{@link SizeLimit#VAR_BUDGET}: {@code budget / perUnitLoss};
 *   <li>{@link SizeLimit#LIQUIDATION_DISTANCE}: the largest step multiple whose liquidation price
 *       ({@link LiquidationPrice}) is at least {@code minDistance * price} from the entry, found by
 *       bisection on the step count (the margin surplus at the threshold price falls as the size
 *       grows, because the maintenance margin over notional never falls with the notional, so the
 *       sizes that pass form a prefix); {@code +Infinity} if every size up to the table's largest
 *       notional passes;
 *   <li>{@link SizeLimit#INITIAL_MARGIN}: {@code equity * leverage / price} (initial margin {@code
 *       notional / leverage} within equity);
 *   <li>{@link SizeLimit#MAX_QUANTITY}: the instrument's {@code maxQuantity};
 *   <li>{@link SizeLimit#BRACKET_MAX_NOTIONAL}: {@link LeverageBrackets#maxNotionalAtLeverage(int)}
 *       {@code / price}.
 * </ul>
 *
 * <p>The final quantity is the smallest candidate rounded <em>down</em> to the step grid (the exact
 * limits, {@code maxQuantity} and the bracket cap, are floored exactly; the analytic ones through
 * {@link Instrument#roundQuantity(double, GridRounding)}, which treats a value within {@code 1e-9}
 * relative of a grid point as on it). If the result is below {@code minQuantity} or its notional
 * below {@code minNotional} it becomes zero, with a note. Guarantees: the quantity is on the grid,
 * within every candidate (up to that {@code 1e-9} relative snap), and either zero or a size the
 * instrument's filters accept; it never falls when equity rises.
 *
 * <p>Not modelled: fees, funding, slippage between decision and fill, existing positions in the
 * same symbol (size the increment against the remaining limits yourself).
 *
 * <p>Immutable and thread-safe.
 */
public final class PositionSizer {

  private PositionSizer() {}

  /**
   * Sizes a position.
   *
   * @param request the inputs
   * @return the decision, with every candidate and the binding one
   */
  public static SizingDecision size(SizingRequest request) {
    Objects.requireNonNull(request, "request must not be null");
    Instrument instrument = request.instrument();
    Price price = request.price();
    double p = price.toDouble();
    double equity = request.equity().toDouble();
    Map<SizeLimit, Double> candidates = new EnumMap<>(SizeLimit.class);
    Map<SizeLimit, Long> steps = new EnumMap<>(SizeLimit.class);
    List<String> notes = new ArrayList<>();

    if (request.kelly().isPresent()) {
      double f = request.kelly().get().fraction();
      double q;
      if (f * request.direction().sign() > 0) {
        q = Math.abs(f) * equity / p;
      } else {
        q = 0;
        notes.add(
            String.format(
                Locale.ROOT,
                "Kelly fraction %s does not favour a %s position: Kelly size 0",
                f,
                request.direction()));
      }
      put(candidates, steps, SizeLimit.KELLY, q, instrument);
    }
    request
        .volatilityTarget()
        .ifPresent(
            t ->
                put(
                    candidates,
                    steps,
                    SizeLimit.VOLATILITY_TARGET,
                    equity * t.notionalPerEquity() / p,
                    instrument));
    if (request.varBudget().isPresent()) {
      VarBudget budget = request.varBudget().get();
      if (!(budget.perUnitLoss() > 0)) {
        notes.add("per-unit loss " + budget.perUnitLoss() + " <= 0: the loss budget does not bind");
      }
      put(candidates, steps, SizeLimit.VAR_BUDGET, budget.maxQuantity(), instrument);
    }
    request
        .liquidationBuffer()
        .ifPresent(b -> liquidationLimit(request, b, candidates, steps, notes));
    put(candidates, steps, SizeLimit.INITIAL_MARGIN, equity * request.leverage() / p, instrument);

    long stepUnits = instrument.stepSize().units();
    candidates.put(SizeLimit.MAX_QUANTITY, instrument.maxQuantity().toDouble());
    steps.put(SizeLimit.MAX_QUANTITY, instrument.maxQuantity().units() / stepUnits);
    Decimal cap = request.brackets().maxNotionalAtLeverage(request.leverage());
    if (cap.signum() == 0) {
      notes.add(
          "leverage "
              + request.leverage()
              + " is above every bracket's initialLeverage: no notional allowed");
    }
    candidates.put(SizeLimit.BRACKET_MAX_NOTIONAL, cap.toDouble() / p);
    steps.put(SizeLimit.BRACKET_MAX_NOTIONAL, stepsWithin(cap, price, instrument.stepSize()));

    // The binding limit is the smallest candidate (first in enum order on a tie); the quantity is
    // the fewest whole steps any limit allows, which is that candidate's floor (flooring is
    // monotone), computed exactly where the limit is exact.
    SizeLimit binding = null;
    for (Map.Entry<SizeLimit, Double> e : candidates.entrySet()) {
      if (binding == null || e.getValue() < candidates.get(binding)) {
        binding = e.getKey();
      }
    }
    long best = Long.MAX_VALUE;
    for (long n : steps.values()) {
      best = Math.min(best, n);
    }
    Quantity quantity =
        Quantity.of(Math.multiplyExact(best, stepUnits), instrument.quantityScale());
    if (quantity.isZero()) {
      notes.add(binding + " allows less than one step " + instrument.stepSize() + " -> zero");
    } else if (quantity.compareTo(instrument.minQuantity()) < 0) {
      notes.add(
          "quantity " + quantity + " below minQuantity " + instrument.minQuantity() + " -> zero");
      quantity = Quantity.zero(instrument.quantityScale());
    } else if (price.times(quantity).compareTo(instrument.minNotional()) < 0) {
      notes.add(
          "notional "
              + price.times(quantity)
              + " below min notional "
              + instrument.minNotional()
              + " -> zero");
      quantity = Quantity.zero(instrument.quantityScale());
    }
    return new SizingDecision(quantity, price.times(quantity), candidates, binding, notes);
  }

  private static void put(
      Map<SizeLimit, Double> candidates,
      Map<SizeLimit, Long> steps,
      SizeLimit limit,
      double quantity,
      Instrument instrument) {
    candidates.put(limit, quantity);
    steps.put(limit, stepsOf(quantity, instrument));
  }

  /** Whole steps at or below an analytic quantity; {@code Long.MAX_VALUE} for "no limit". */
  private static long stepsOf(double quantity, Instrument instrument) {
    double stepSize = instrument.stepSize().toDouble();
    if (Double.isInfinite(quantity) || quantity / stepSize >= 9.0e15) {
      return Long.MAX_VALUE;
    }
    return instrument.roundQuantity(quantity, GridRounding.DOWN).units()
        / instrument.stepSize().units();
  }

  /** {@code floor(notional / (price * step))}, exactly. */
  private static long stepsWithin(Decimal notional, Price price, Quantity step) {
    BigDecimal perStep = big(price.times(step));
    BigDecimal n = big(notional);
    BigInteger k = n.divide(perStep, 0, RoundingMode.FLOOR).toBigInteger();
    return k.bitLength() < 63 ? k.longValue() : Long.MAX_VALUE;
  }

  private static BigDecimal big(Decimal d) {
    return BigDecimal.valueOf(d.units(), d.scale());
  }

  private static void liquidationLimit(
      SizingRequest request,
      LiquidationBuffer buffer,
      Map<SizeLimit, Double> candidates,
      Map<SizeLimit, Long> steps,
      List<String> notes) {
    Instrument instrument = request.instrument();
    long hi = stepsWithin(request.brackets().maxNotional(), request.price(), instrument.stepSize());
    if (hi == Long.MAX_VALUE || Math.multiplyHigh(hi, instrument.stepSize().units()) != 0) {
      hi = Long.MAX_VALUE / instrument.stepSize().units();
    }
    if (keepsDistance(request, buffer, hi)) {
      notes.add(
          "the liquidation distance holds up to the leverage table's largest notional: it does"
              + " not bind");
      candidates.put(SizeLimit.LIQUIDATION_DISTANCE, Double.POSITIVE_INFINITY);
      steps.put(SizeLimit.LIQUIDATION_DISTANCE, Long.MAX_VALUE);
      return;
    }
    long lo = 0; // passes (no position); hi fails
    while (hi - lo > 1) {
      long mid = lo + (hi - lo) / 2;
      if (keepsDistance(request, buffer, mid)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    candidates.put(SizeLimit.LIQUIDATION_DISTANCE, lo * instrument.stepSize().toDouble());
    steps.put(SizeLimit.LIQUIDATION_DISTANCE, lo);
  }

  /** Whether a position of {@code n} steps keeps its liquidation price far enough away. */
  static boolean keepsDistance(SizingRequest request, LiquidationBuffer buffer, long n) {
    if (n == 0) {
      return true;
    }
    Instrument instrument = request.instrument();
    Quantity q =
        Quantity.of(
            Math.multiplyExact(n, instrument.stepSize().units()), instrument.quantityScale());
    Decimal notional = request.price().times(q);
    if (notional.compareTo(request.brackets().maxNotional()) > 0) {
      return false;
    }
    Optional<Liquidation> liquidation;
    try {
      liquidation =
          buffer.mode() == MarginMode.ISOLATED
              ? LiquidationPrice.isolated(
                  request.brackets(),
                  request.direction(),
                  q,
                  request.price(),
                  LeverageBrackets.initialMargin(notional, request.leverage()))
              : LiquidationPrice.cross(
                  request.brackets(),
                  request.direction(),
                  q,
                  request.price(),
                  request.equity(),
                  buffer.otherMaintenance(),
                  Decimal.ZERO);
    } catch (IllegalArgumentException alreadyLiquidatable) {
      return false; // a short whose margin is below maintenance at every price
    }
    if (liquidation.isEmpty()) {
      return true; // a long that no positive price liquidates
    }
    double entry = request.price().toDouble();
    double lp = liquidation.get().price();
    return request.direction() == PositionDirection.LONG
        ? lp <= entry * (1 - buffer.minDistance())
        : lp >= entry * (1 + buffer.minDistance());
  }
}
