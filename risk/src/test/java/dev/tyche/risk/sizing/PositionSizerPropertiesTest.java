package dev.tyche.risk.sizing;

import static dev.tyche.risk.sizing.PositionSizerTest.BTC;
import static dev.tyche.risk.sizing.PositionSizerTest.TABLE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.risk.kelly.KellyBet;
import dev.tyche.risk.margin.LeverageBrackets;
import dev.tyche.risk.margin.Liquidation;
import dev.tyche.risk.margin.LiquidationPrice;
import dev.tyche.risk.margin.MarginMode;
import dev.tyche.risk.margin.PositionDirection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

class PositionSizerPropertiesTest {

  // jqwik's default number distribution leans toward the shrink target 0; sizes near zero are
  // mostly below the minimum notional, so the main inputs are drawn uniformly.
  private static final RandomDistribution UNIFORM = RandomDistribution.uniform();

  @Provide
  Arbitrary<SizingRequest> requests() {
    Arbitrary<PositionDirection> direction = Arbitraries.of(PositionDirection.class);
    Arbitrary<Long> priceTicks =
        Arbitraries.longs().between(100_0, 200_000_0).withDistribution(UNIFORM);
    Arbitrary<Long> equityCents =
        Arbitraries.longs().between(0, 50_000_000_00L).withDistribution(UNIFORM);
    // Mostly leverages the table allows at small sizes, sometimes beyond every tier.
    Arbitrary<Integer> leverage =
        Arbitraries.frequencyOf(
            Tuple.of(9, Arbitraries.integers().between(1, 30)),
            Tuple.of(1, Arbitraries.integers().between(31, 130)));
    // Kelly fraction relative to the direction: mostly in favour, about a tenth against.
    Arbitrary<Optional<Double>> kelly =
        Arbitraries.doubles().between(-0.3, 3).withDistribution(UNIFORM).optional();
    Arbitrary<Optional<VolatilityTarget>> vol =
        Combinators.combine(
                Arbitraries.doubles().between(0.01, 1).ofScale(6),
                Arbitraries.doubles().between(0.05, 3).ofScale(6))
            .as(VolatilityTarget::new)
            .optional();
    Arbitrary<Optional<Double>> lossFraction =
        Arbitraries.doubles().between(-0.05, 0.5).ofScale(6).optional();
    Arbitrary<Double> budget =
        Arbitraries.doubles().between(0, 1_000_000).ofScale(6).withDistribution(UNIFORM);
    Arbitrary<Optional<LiquidationBuffer>> buffer =
        Combinators.combine(
                Arbitraries.doubles().between(0.005, 0.1).ofScale(6),
                Arbitraries.of(MarginMode.class),
                Arbitraries.longs().between(0, 10_000))
            .as(
                (d, mode, other) ->
                    mode == MarginMode.ISOLATED
                        ? LiquidationBuffer.isolated(d)
                        : LiquidationBuffer.cross(d, Decimal.of(other, 0)))
            .optional();
    return Combinators.combine(
            direction, priceTicks, equityCents, leverage, kelly, vol, lossFraction, budget)
        .as(
            (dir, pc, ec, lev, k, v, lf, b) -> {
              Price price = Price.of(pc, 1); // on the 0.1 tick grid
              SizingRequest.Builder builder =
                  SizingRequest.builder(BTC, TABLE, dir, price, Decimal.of(ec, 2), lev);
              k.ifPresent(f -> builder.kelly(bet(f * dir.sign())));
              v.ifPresent(builder::volatilityTarget);
              lf.ifPresent(f -> builder.varBudget(new VarBudget(f * price.toDouble(), b)));
              return builder;
            })
        .flatMap(builder -> buffer.map(bf -> withBuffer(builder, bf)));
  }

  private static KellyBet bet(double f) {
    return new KellyBet(f, OptionalDouble.empty(), f, 0.0, Set.of(), "generated");
  }

  private static SizingRequest withBuffer(
      SizingRequest.Builder builder, Optional<LiquidationBuffer> buffer) {
    buffer.ifPresent(builder::liquidationBuffer);
    return builder.build();
  }

  // Random samples only: the generator's edge cases (zero equity, the lowest price...) crowd out
  // the non-zero sizes; they get their own property below.
  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void theSizeNeverExceedsAnyLimitAndPassesTheFilters(@ForAll("requests") SizingRequest request) {
    checkDecision(request);
  }

  @Property(tries = 150, edgeCases = EdgeCasesMode.FIRST)
  void edgeCasesAlsoRespectEveryLimit(@ForAll("requests") SizingRequest request) {
    checkDecision(request);
  }

  private static void checkDecision(SizingRequest request) {
    SizingDecision d = PositionSizer.size(request);
    Quantity q = d.quantity();
    // Shows in the report that the samples reach non-zero sizes and every kind of binding limit.
    Statistics.label("binding").collect(d.binding(), q.isZero() ? "zero" : "non-zero");
    double qty = q.toDouble();
    assertThat(BTC.isOnQuantityGrid(q)).isTrue();
    assertThat(q.scale()).isEqualTo(BTC.quantityScale());
    double smallest = Double.POSITIVE_INFINITY;
    for (Map.Entry<SizeLimit, Double> e : d.candidates().entrySet()) {
      assertThat(qty).as("%s", e.getKey()).isLessThanOrEqualTo(e.getValue() * (1 + 1e-9));
      smallest = Math.min(smallest, e.getValue());
    }
    assertThat(d.candidates().get(d.binding())).isEqualTo(smallest);
    Decimal notional = request.price().times(q);
    assertThat(d.notional().isEqualTo(notional)).isTrue();
    if (!q.isZero()) {
      assertThat(q.compareTo(BTC.minQuantity())).isGreaterThanOrEqualTo(0);
      assertThat(notional.compareTo(BTC.minNotional())).isGreaterThanOrEqualTo(0);
      assertThat(BTC.filterViolation(request.price(), q)).isEmpty();
      // The leverage is allowed for the resulting notional, and margin fits in equity.
      assertThat(TABLE.leverageViolation(request.leverage(), notional)).isEmpty();
      assertThat(
              LeverageBrackets.initialMargin(notional, request.leverage()).toDouble()
                  <= request.equity().toDouble() * (1 + 1e-9))
          .isTrue();
      // Largest grid point under the smallest limit: one more step would exceed it.
      double next = qty + BTC.stepSize().toDouble();
      assertThat(next).isGreaterThan(smallest * (1 - 1e-9));
      request.liquidationBuffer().ifPresent(b -> assertKeepsDistance(request, b, q));
    }
  }

  private static void assertKeepsDistance(SizingRequest r, LiquidationBuffer b, Quantity q) {
    Optional<Liquidation> lp =
        b.mode() == MarginMode.ISOLATED
            ? LiquidationPrice.isolated(
                TABLE,
                r.direction(),
                q,
                r.price(),
                LeverageBrackets.initialMargin(r.price().times(q), r.leverage()))
            : LiquidationPrice.cross(
                TABLE, r.direction(), q, r.price(), r.equity(), b.otherMaintenance(), Decimal.ZERO);
    if (lp.isEmpty()) {
      assertThat(r.direction()).isEqualTo(PositionDirection.LONG);
      return;
    }
    double distance = Math.abs(lp.get().price() / r.price().toDouble() - 1);
    assertThat(distance).isGreaterThanOrEqualTo(b.minDistance() * (1 - 1e-9));
  }

  @Property(tries = 200)
  void moreEquityNeverGivesASmallerSize(
      @ForAll("requests") SizingRequest request,
      @ForAll @LongRange(min = 0, max = 10_000_000_00L) long addedCents) {
    SizingDecision base = PositionSizer.size(request);
    SizingDecision richer =
        PositionSizer.size(request.withEquity(request.equity().plus(Decimal.of(addedCents, 2))));
    assertThat(richer.quantity().compareTo(base.quantity())).isGreaterThanOrEqualTo(0);
  }
}
