package dev.tyche.portfolio.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.id.Asset;
import dev.tyche.core.id.Symbol;
import dev.tyche.core.instrument.Instrument;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DiscreteAllocationTest {

  static Instrument instrument(
      String base, String step, String minQty, String maxQty, String minNotional) {
    return Instrument.builder(Symbol.of(base + "USDT"))
        .assets(Asset.of(base), Asset.USDT)
        .tickSize("0.01")
        .stepSize(step)
        .quantityBounds(minQty, maxQty)
        .minNotional(minNotional)
        .build();
  }

  private static final Instrument BTC = instrument("BTC", "0.01", "0.01", "1000", "5");
  private static final Instrument ETH = instrument("ETH", "0.1", "0.1", "10000", "5");

  private static Money usdt(String amount) {
    return Money.parse(Asset.USDT, amount);
  }

  @Test
  void swapImprovesOnTheRoundedDownStart() {
    // Floor: 5.00 BTC (500) + 16.6 ETH (498), 2 USDT left, one ETH step costs 3. Taking one BTC
    // step (1 USDT) back buys an ETH step: weights 0.499/0.501 beat 0.500/0.498.
    DiscreteAllocationResult r =
        DiscreteAllocation.allocate(
            usdt("1000.00"),
            List.of(
                new AllocationTarget(BTC, Price.parse("100.00"), 0.5),
                new AllocationTarget(ETH, Price.parse("30.00"), 0.5)));
    assertThat(r.orders().get(0).quantity()).isEqualTo(Quantity.parse("4.99"));
    assertThat(r.orders().get(1).quantity()).isEqualTo(Quantity.parse("16.7"));
    assertThat(r.spent().isEqualTo(usdt("1000"))).isTrue();
    assertThat(r.leftover().isZero()).isTrue();
    assertThat(r.achievedWeights()).containsExactly(new double[] {0.499, 0.501}, within(1e-15));
    assertThat(r.trackingError()).isCloseTo(Math.sqrt(2e-6), within(1e-15));
    assertThat(r.locallyOptimal()).isTrue();
    assertThat(r.orders().get(0).notional().isEqualTo(Decimal.parse("499"))).isTrue();
    assertThat(r.capital()).isEqualTo(usdt("1000.00"));
  }

  @Test
  void minimumNotionalDecidesBetweenNothingAndTheMinimumLot() {
    Instrument btc = instrument("BTC", "0.001", "0.001", "1000", "5");
    // 2 USDT of 100: nothing (error 0.02^2) beats the 5 USDT minimum lot (0.03^2).
    DiscreteAllocationResult small =
        DiscreteAllocation.allocate(
            usdt("100"), List.of(new AllocationTarget(btc, Price.parse("100.00"), 0.02)));
    assertThat(small.orders().get(0).isEmpty()).isTrue();
    assertThat(small.leftover().isEqualTo(usdt("100"))).isTrue();
    // 3 USDT of 100: the minimum lot 0.050 (error 0.02^2) beats nothing (0.03^2).
    DiscreteAllocationResult three =
        DiscreteAllocation.allocate(
            usdt("100"), List.of(new AllocationTarget(btc, Price.parse("100.00"), 0.03)));
    assertThat(three.orders().get(0).quantity()).isEqualTo(Quantity.parse("0.050"));
  }

  @Test
  void quantityBoundsAreRespected() {
    Instrument capped = instrument("SOL", "0.01", "0.10", "1.00", "0");
    DiscreteAllocationResult r =
        DiscreteAllocation.allocate(
            usdt("1000"), List.of(new AllocationTarget(capped, Price.parse("100.00"), 1.0)));
    assertThat(r.orders().get(0).quantity()).isEqualTo(Quantity.parse("1.00"));
    assertThat(r.leftover().isEqualTo(usdt("900"))).isTrue();
    // Minimum quantity 0.10 = 10 USDT; 7 USDT of target goes to the minimum lot (error 3 < 7).
    DiscreteAllocationResult min =
        DiscreteAllocation.allocate(
            usdt("1000"), List.of(new AllocationTarget(capped, Price.parse("100.00"), 0.007)));
    assertThat(min.orders().get(0).quantity()).isEqualTo(Quantity.parse("0.10"));
  }

  @Test
  void cashWeightStaysInCash() {
    DiscreteAllocationResult r =
        DiscreteAllocation.allocate(
            usdt("1000.00"), List.of(new AllocationTarget(BTC, Price.parse("100.00"), 0.6)));
    assertThat(r.orders().get(0).quantity()).isEqualTo(Quantity.parse("6.00"));
    assertThat(r.leftover().isEqualTo(usdt("400"))).isTrue();
  }

  @Test
  void rejectsBadInput() {
    AllocationTarget ok = new AllocationTarget(BTC, Price.parse("100.00"), 0.5);
    assertThatThrownBy(() -> DiscreteAllocation.allocate(usdt("0"), List.of(ok)))
        .hasMessageContaining("capital must be > 0");
    assertThatThrownBy(() -> DiscreteAllocation.allocate(usdt("-5"), List.of(ok)))
        .hasMessageContaining("capital must be > 0");
    assertThatThrownBy(() -> DiscreteAllocation.allocate(usdt("100"), List.of()))
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () -> DiscreteAllocation.allocate(Money.parse(Asset.of("USDC"), "100"), List.of(ok)))
        .hasMessageContaining("quoted in USDT but capital is in USDC");
    assertThatThrownBy(
            () ->
                DiscreteAllocation.allocate(
                    usdt("100"), List.of(ok, new AllocationTarget(ETH, Price.parse("30.00"), 0.6))))
        .hasMessageContaining("sum to at most 1");
    assertThatThrownBy(() -> new AllocationTarget(BTC, Price.parse("100.00"), Double.NaN))
        .hasMessageContaining("weight of BTCUSDT");
    assertThatThrownBy(() -> new AllocationTarget(BTC, Price.parse("100.00"), -0.1))
        .hasMessageContaining("weight of BTCUSDT");
    assertThatThrownBy(() -> new AllocationTarget(BTC, Price.parse("0.00"), 0.1))
        .hasMessageContaining("price must be > 0");
    assertThatThrownBy(() -> new AllocationTarget(null, Price.parse("1.00"), 0.1))
        .isInstanceOf(NullPointerException.class);
  }

  // ---- properties ----

  private static final String[] STEPS = {"1", "0.1", "0.01", "0.001"};

  private record Problem(Money capital, List<AllocationTarget> targets) {}

  private static Problem randomProblem(long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<AllocationTarget> targets = new ArrayList<>();
    double[] raw = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      raw[i] = rng.nextInt(5) == 0 ? 0 : rng.nextDouble();
      sum += raw[i];
    }
    double invested = 0.5 + 0.5 * rng.nextDouble();
    for (int i = 0; i < n; i++) {
      String step = STEPS[rng.nextInt(STEPS.length)];
      String minNotional = Integer.toString(rng.nextInt(11));
      Instrument ins = instrument("A" + i, step, step, "100000", minNotional);
      Price price = Price.of(1 + rng.nextLong(5_000_000), 2);
      double w = sum == 0 ? 0 : raw[i] / sum * invested;
      targets.add(new AllocationTarget(ins, price, w));
    }
    Money capital = Money.of(Asset.USDT, 1_000 + rng.nextLong(10_000_000), 2);
    return new Problem(capital, targets);
  }

  @Property(tries = 300)
  void neverOverspendsAndStaysOnGrid(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int n) {
    Problem p = randomProblem(seed, n);
    DiscreteAllocationResult r = DiscreteAllocation.allocate(p.capital(), p.targets());
    Money spent = Money.zero(Asset.USDT, 2);
    for (int i = 0; i < n; i++) {
      AllocatedOrder o = r.orders().get(i);
      Instrument ins = p.targets().get(i).instrument();
      assertThat(ins.isOnQuantityGrid(o.quantity())).isTrue();
      if (!o.isEmpty()) {
        Optional<String> violation = ins.filterViolation(o.price(), o.quantity());
        assertThat(violation).isEmpty();
      }
      assertThat(o.notional().isEqualTo(o.price().times(o.quantity()))).isTrue();
      spent = spent.plus(o.notional());
    }
    assertThat(spent.compareTo(p.capital())).isLessThanOrEqualTo(0);
    assertThat(r.spent().isEqualTo(spent)).isTrue();
    assertThat(r.leftover().isEqualTo(p.capital().minus(spent))).isTrue();
    assertThat(r.leftover().signum()).isGreaterThanOrEqualTo(0);
  }

  @Property(tries = 200)
  void noSingleMoveImproves(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int n) {
    Problem p = randomProblem(seed, n);
    DiscreteAllocationResult r = DiscreteAllocation.allocate(p.capital(), p.targets());
    assertThat(r.locallyOptimal()).isTrue();
    // Recompute the neighbourhood independently with exact money: one lot more, one lot less,
    // or one less on i and one more on j.
    double cap = p.capital().toDouble();
    long[] lots = new long[n];
    long[] min = new long[n];
    for (int i = 0; i < n; i++) {
      Instrument ins = p.targets().get(i).instrument();
      lots[i] = r.orders().get(i).quantity().units() / ins.stepSize().units();
      long m = 1;
      while (ins.filterViolation(p.targets().get(i).price(), qty(ins, m)).isPresent()) {
        m++;
      }
      min[i] = m;
    }
    double base = objective(p, lots, cap);
    for (int i = -1; i < n; i++) {
      for (int j = -1; j < n; j++) {
        if (i == j && i >= 0) {
          continue;
        }
        long[] trial = lots.clone();
        if (i >= 0) {
          if (trial[i] == 0) {
            continue;
          }
          trial[i] = trial[i] - 1 < min[i] ? 0 : trial[i] - 1;
        }
        if (j >= 0) {
          trial[j] = trial[j] == 0 ? min[j] : trial[j] + 1;
        }
        if (spend(p, trial).compareTo(p.capital().amount()) > 0) {
          continue;
        }
        assertThat(objective(p, trial, cap)).isGreaterThanOrEqualTo(base - 1e-15);
      }
    }
  }

  @Property(tries = 200)
  void noWorseThanRoundingDown(@ForAll long seed, @ForAll @IntRange(min = 1, max = 10) int n) {
    Problem p = randomProblem(seed, n);
    DiscreteAllocationResult r = DiscreteAllocation.allocate(p.capital(), p.targets());
    double cap = p.capital().toDouble();
    long[] floor = new long[n];
    for (int i = 0; i < n; i++) {
      AllocationTarget t = p.targets().get(i);
      Instrument ins = t.instrument();
      Quantity q =
          ins.roundQuantity(
              t.weight() * cap / t.price().toDouble(), dev.tyche.core.instrument.GridRounding.DOWN);
      long k = q.units() / ins.stepSize().units();
      floor[i] = k > 0 && ins.filterViolation(t.price(), q).isEmpty() ? k : 0;
    }
    if (spend(p, floor).compareTo(p.capital().amount()) <= 0) {
      assertThat(r.trackingError() * r.trackingError())
          .isLessThanOrEqualTo(objective(p, floor, cap) + 1e-15);
    }
  }

  private static Quantity qty(Instrument ins, long lots) {
    return Quantity.of(lots * ins.stepSize().units(), ins.quantityScale());
  }

  private static Decimal spend(Problem p, long[] lots) {
    Decimal s = Decimal.ZERO;
    for (int i = 0; i < lots.length; i++) {
      AllocationTarget t = p.targets().get(i);
      s = s.plus(t.price().times(qty(t.instrument(), lots[i])));
    }
    return s;
  }

  private static double objective(Problem p, long[] lots, double cap) {
    double f = 0;
    for (int i = 0; i < lots.length; i++) {
      AllocationTarget t = p.targets().get(i);
      double a = t.price().times(qty(t.instrument(), lots[i])).toDouble() / cap;
      f += (a - t.weight()) * (a - t.weight());
    }
    return f;
  }
}
