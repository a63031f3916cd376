package dev.tyche.risk.pretrade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tyche.core.id.ClientOrderId;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Price;
import dev.tyche.core.num.Quantity;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.SubmitOrder;
import dev.tyche.core.order.TimeInForce;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * "No rule lets a violating order pass": for random orders and contexts, each rule's verdict is
 * compared with the violation computed independently here, in {@link BigDecimal}, from the rule's
 * documented definition. A rule must deny exactly when the order violates it.
 */
class PreTradePropertiesTest {

  private static final ClientOrderId ID = ClientOrderId.of("p-1");

  /** A random order and context; quantities at scale 3, prices at scale 2. */
  private record Case(
      SubmitOrder order,
      PreTradeSnapshot ctx,
      BigDecimal qty,
      BigDecimal position,
      BigDecimal mark,
      BigDecimal refPrice,
      int side) {

    boolean reducing() {
      return position.signum() != 0
          && position.signum() == -side
          && (order.reduceOnly() || qty.compareTo(position.abs()) <= 0);
    }

    BigDecimal after() {
      BigDecimal after = position.add(qty.multiply(BigDecimal.valueOf(side)));
      if (order.reduceOnly() && reducing() && after.signum() == -position.signum()) {
        return BigDecimal.ZERO;
      }
      return after;
    }
  }

  private static Case newCase(
      boolean buy,
      int qtyUnits,
      boolean isLimit,
      int limitUnits,
      int markUnits,
      int positionUnits,
      boolean reduceOnly,
      double otherGross,
      double equity,
      double startOfDay,
      boolean kill) {
    Side side = buy ? Side.BUY : Side.SELL;
    Quantity q = Quantity.of(qtyUnits, 3);
    SubmitOrder order =
        isLimit
            ? SubmitOrder.limit(
                ID, Fixtures.BTCUSDT, side, q, Price.of(limitUnits, 2), TimeInForce.GTC)
            : SubmitOrder.market(ID, Fixtures.BTCUSDT, side, q);
    if (reduceOnly) {
      order = order.withReduceOnly();
    }
    BigDecimal mark = BigDecimal.valueOf(markUnits, 2);
    BigDecimal position = BigDecimal.valueOf(positionUnits, 3);
    double own = position.abs().multiply(mark).doubleValue();
    PreTradeSnapshot ctx =
        PreTradeSnapshot.builder(Fixtures.BTC, Price.of(markUnits, 2))
            .position(Decimal.of(positionUnits, 3))
            .grossExposure(own + otherGross)
            .equity(equity)
            .startOfDayEquity(startOfDay)
            .drawdown(kill ? 0.3 : 0.0, kill)
            .build();
    BigDecimal ref = isLimit ? BigDecimal.valueOf(limitUnits, 2) : mark;
    return new Case(order, ctx, BigDecimal.valueOf(qtyUnits, 3), position, mark, ref, side.sign());
  }

  @Property
  void maxOrderNotionalDeniesExactlyTheViolations(
      @ForAll boolean buy,
      @ForAll @IntRange(min = 1, max = 50_000) int qtyUnits,
      @ForAll boolean isLimit,
      @ForAll @IntRange(min = 1, max = 10_000_000) int limitUnits,
      @ForAll @IntRange(min = 1, max = 10_000_000) int markUnits,
      @ForAll boolean reduceOnly,
      @ForAll @IntRange(min = 0, max = 2_000_000) int cap) {
    Case c =
        newCase(buy, qtyUnits, isLimit, limitUnits, markUnits, 0, reduceOnly, 0, 1e6, 1e6, false);
    boolean violated = c.refPrice.multiply(c.qty).compareTo(BigDecimal.valueOf(cap)) > 0;
    Decision d = new MaxOrderNotionalRule(Decimal.of(cap, 0)).check(c.order, c.ctx);
    assertThat(d.denied()).isEqualTo(violated);
  }

  @Property
  void maxPositionNotionalDeniesExactlyTheViolations(
      @ForAll boolean buy,
      @ForAll @IntRange(min = 1, max = 50_000) int qtyUnits,
      @ForAll @IntRange(min = 1, max = 10_000_000) int markUnits,
      @ForAll @IntRange(min = -50_000, max = 50_000) int positionUnits,
      @ForAll boolean reduceOnly,
      @ForAll @IntRange(min = 0, max = 3_000_000) int cap) {
    Case c =
        newCase(buy, qtyUnits, false, 1, markUnits, positionUnits, reduceOnly, 0, 1e6, 1e6, false);
    boolean violated =
        !c.reducing() && c.after().abs().multiply(c.mark).compareTo(BigDecimal.valueOf(cap)) > 0;
    Decision d = new MaxPositionNotionalRule(Decimal.of(cap, 0)).check(c.order, c.ctx);
    assertThat(d.denied()).isEqualTo(violated);
  }

  @Property
  void maxGrossLeverageDeniesExactlyTheViolations(
      @ForAll boolean buy,
      @ForAll @IntRange(min = 1, max = 50_000) int qtyUnits,
      @ForAll @IntRange(min = 1, max = 10_000_000) int markUnits,
      @ForAll @IntRange(min = -50_000, max = 50_000) int positionUnits,
      @ForAll boolean reduceOnly,
      @ForAll @IntRange(min = 0, max = 2_000_000) int otherGross,
      @ForAll @IntRange(min = -10_000, max = 2_000_000) int equity,
      @ForAll @IntRange(min = 1, max = 1_000) int leverageCents) {
    Case c =
        newCase(
            buy,
            qtyUnits,
            false,
            1,
            markUnits,
            positionUnits,
            reduceOnly,
            otherGross,
            equity,
            0,
            false);
    BigDecimal lev = BigDecimal.valueOf(leverageCents, 2);
    BigDecimal grossAfter = BigDecimal.valueOf(otherGross).add(c.after().abs().multiply(c.mark));
    BigDecimal allowed = lev.multiply(BigDecimal.valueOf(equity));
    // The rule works in double: skip the cases that are within rounding of the boundary.
    Assume.that(
        grossAfter.subtract(allowed).abs().doubleValue()
            > 1e-9 * Math.max(1.0, allowed.abs().doubleValue()));
    boolean violated = !c.reducing() && (equity <= 0 || grossAfter.compareTo(allowed) > 0);
    Decision d = new MaxGrossLeverageRule(lev.doubleValue()).check(c.order, c.ctx);
    assertThat(d.denied()).isEqualTo(violated);
  }

  @Property
  void priceBandDeniesExactlyTheViolations(
      @ForAll boolean buy,
      @ForAll boolean isLimit,
      @ForAll @IntRange(min = 1, max = 10_000_000) int limitUnits,
      @ForAll @IntRange(min = 1, max = 10_000_000) int markUnits,
      @ForAll @IntRange(min = 0, max = 99) int deviationPercent,
      @ForAll boolean sideAware,
      @ForAll boolean reduceOnly) {
    Case c = newCase(buy, 1, isLimit, limitUnits, markUnits, 0, reduceOnly, 0, 1e6, 1e6, false);
    BigDecimal dev = BigDecimal.valueOf(deviationPercent, 2);
    BigDecimal upper = c.mark.multiply(BigDecimal.ONE.add(dev));
    BigDecimal lower = c.mark.multiply(BigDecimal.ONE.subtract(dev));
    boolean checkUpper = !sideAware || buy;
    boolean checkLower = !sideAware || !buy;
    boolean violated =
        isLimit
            && (checkUpper && c.refPrice.compareTo(upper) > 0
                || checkLower && c.refPrice.compareTo(lower) < 0);
    Decimal d = Decimal.of(deviationPercent, 2);
    PriceBandRule rule =
        sideAware
            ? PriceBandRule.percentPrice(
                Decimal.of(100 + deviationPercent, 2), Decimal.of(100 - deviationPercent, 2))
            : PriceBandRule.symmetric(d);
    assertThat(rule.check(c.order, c.ctx).denied()).isEqualTo(violated);
  }

  @Property
  void lossAndKillSwitchRulesDenyExactlyRiskIncreasingOrdersOverTheirLimits(
      @ForAll boolean buy,
      @ForAll @IntRange(min = 1, max = 50_000) int qtyUnits,
      @ForAll @IntRange(min = -50_000, max = 50_000) int positionUnits,
      @ForAll boolean reduceOnly,
      @ForAll @IntRange(min = -100_000, max = 1_000_000) int equity,
      @ForAll @IntRange(min = -100_000, max = 1_000_000) int startOfDay,
      @ForAll @IntRange(min = 0, max = 200_000) int maxLoss,
      @ForAll boolean kill) {
    Case c =
        newCase(
            buy,
            qtyUnits,
            false,
            1,
            6_000_000,
            positionUnits,
            reduceOnly,
            0,
            equity,
            startOfDay,
            kill);
    long loss = (long) startOfDay - equity;
    boolean overLoss = !c.reducing() && loss > maxLoss;
    assertThat(DailyLossLimitRule.amount(maxLoss).check(c.order, c.ctx).denied())
        .isEqualTo(overLoss);
    assertThat(new KillSwitchRule().check(c.order, c.ctx).denied())
        .isEqualTo(kill && !c.reducing());
  }

  @Property
  void relativeDailyLossDeniesExactlyTheViolations(
      @ForAll @IntRange(min = 1, max = 50_000) int qtyUnits,
      @ForAll @IntRange(min = -100_000, max = 1_000_000) int equity,
      @ForAll @IntRange(min = -100_000, max = 1_000_000) int startOfDay,
      @ForAll @IntRange(min = 0, max = 100) int percent) {
    Case c = newCase(true, qtyUnits, false, 1, 6_000_000, 0, false, 0, equity, startOfDay, false);
    BigDecimal loss = BigDecimal.valueOf((long) startOfDay - equity);
    BigDecimal limit = BigDecimal.valueOf(percent, 2).multiply(BigDecimal.valueOf(startOfDay));
    Assume.that(loss.subtract(limit).abs().doubleValue() > 1e-6);
    boolean violated = loss.compareTo(limit) > 0;
    DailyLossLimitRule rule = DailyLossLimitRule.fraction(percent / 100.0);
    assertThat(rule.check(c.order, c.ctx).denied()).isEqualTo(violated);
  }

  @Property
  void maxOpenOrdersDeniesExactlyTheViolations(
      @ForAll @IntRange(min = 0, max = 50) int open,
      @ForAll @IntRange(min = 0, max = 50) int forSymbolRaw,
      @ForAll @IntRange(min = 1, max = 40) int maxTotal,
      @ForAll @IntRange(min = 1, max = 40) int maxPerSymbol,
      @ForAll boolean reduceOnly) {
    int forSymbol = Math.min(open, forSymbolRaw);
    Case c = newCase(true, 10, false, 1, 6_000_000, 0, reduceOnly, 0, 1e6, 1e6, false);
    PreTradeSnapshot ctx =
        PreTradeSnapshot.builder(Fixtures.BTC, Fixtures.MARK)
            .equity(1e6)
            .openOrders(open, forSymbol)
            .build();
    boolean violated = open + 1 > maxTotal || forSymbol + 1 > maxPerSymbol;
    assertThat(new MaxOpenOrdersRule(maxTotal, maxPerSymbol).check(c.order, ctx).denied())
        .isEqualTo(violated);
  }

  @Property
  void instrumentFiltersDenyExactlyTheViolations(
      @ForAll boolean buy,
      @ForAll @IntRange(min = 1, max = 1_200_000) int qtyUnits4,
      @ForAll boolean isLimit,
      @ForAll @IntRange(min = 1, max = 10_000_000) int limitUnits,
      @ForAll @IntRange(min = 1, max = 10_000_000) int markUnits,
      @ForAll boolean reduceOnly,
      @ForAll boolean exempt) {
    // BTC: tick 0.10, step 0.001, quantity in [0.001, 100], minNotional 50. Quantities at scale 4
    // so that some are off the step grid.
    Side side = buy ? Side.BUY : Side.SELL;
    Quantity q = Quantity.of(qtyUnits4, 4);
    SubmitOrder order =
        isLimit
            ? SubmitOrder.limit(
                ID, Fixtures.BTCUSDT, side, q, Price.of(limitUnits, 2), TimeInForce.GTC)
            : SubmitOrder.market(ID, Fixtures.BTCUSDT, side, q);
    if (reduceOnly) {
      order = order.withReduceOnly();
    }
    PreTradeSnapshot ctx =
        PreTradeSnapshot.builder(Fixtures.BTC, Price.of(markUnits, 2)).equity(1e6).build();
    BigDecimal qty = BigDecimal.valueOf(qtyUnits4, 4);
    BigDecimal mark = BigDecimal.valueOf(markUnits, 2);
    BigDecimal tick = new BigDecimal("0.10");
    BigDecimal price =
        isLimit
            ? BigDecimal.valueOf(limitUnits, 2)
            : mark.divide(tick, 0, RoundingMode.CEILING).multiply(tick);
    BigDecimal notional = (isLimit ? price : mark).multiply(qty);
    boolean violated =
        price.remainder(tick).signum() != 0
            || qty.remainder(new BigDecimal("0.001")).signum() != 0
            || qty.compareTo(new BigDecimal("0.001")) < 0
            || qty.compareTo(new BigDecimal("100")) > 0
            || !(exempt && reduceOnly) && notional.compareTo(new BigDecimal("50")) < 0;
    InstrumentFilterRule rule = new InstrumentFilterRule("filters", exempt);
    assertThat(rule.check(order, ctx).denied()).isEqualTo(violated);
  }

  @Property
  void theCompositeReturnsTheFirstDenialAndListsEveryDenial(
      @ForAll boolean buy,
      @ForAll @IntRange(min = 1, max = 50_000) int qtyUnits,
      @ForAll boolean isLimit,
      @ForAll @IntRange(min = 1, max = 10_000_000) int limitUnits,
      @ForAll @IntRange(min = 1, max = 10_000_000) int markUnits,
      @ForAll @IntRange(min = -50_000, max = 50_000) int positionUnits,
      @ForAll boolean reduceOnly,
      @ForAll boolean kill) {
    Case c =
        newCase(
            buy,
            qtyUnits,
            isLimit,
            limitUnits,
            markUnits,
            positionUnits,
            reduceOnly,
            10_000,
            200_000,
            205_000,
            kill);
    List<PreTradeRule> list =
        List.of(
            new KillSwitchRule(),
            new InstrumentFilterRule(),
            PriceBandRule.symmetric(Decimal.of(10, 2)),
            new MaxOrderNotionalRule(Decimal.of(500_000, 0)),
            new MaxPositionNotionalRule(Decimal.of(1_000_000, 0)),
            new MaxGrossLeverageRule(5.0),
            DailyLossLimitRule.amount(4_000));
    PreTradeRules rules = new PreTradeRules("all", list);
    List<Decision> expected = new ArrayList<>();
    for (PreTradeRule r : list) {
      Decision d = r.check(c.order, c.ctx);
      if (d.denied()) {
        expected.add(d);
      }
    }
    assertThat(rules.denials(c.order, c.ctx)).isEqualTo(expected);
    Decision first = rules.check(c.order, c.ctx);
    if (expected.isEmpty()) {
      assertThat(first).isSameAs(Decision.approve());
    } else {
      assertThat(first).isEqualTo(expected.get(0));
    }
  }
}
