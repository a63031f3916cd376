package dev.tyche.execution.sim;

import static dev.tyche.execution.sim.Sim.BTC;
import static dev.tyche.execution.sim.Sim.T0;
import static dev.tyche.execution.sim.Sim.id;
import static dev.tyche.execution.sim.Sim.levels;
import static dev.tyche.execution.sim.Sim.limit;
import static dev.tyche.execution.sim.Sim.market;
import static dev.tyche.execution.sim.Sim.px;
import static dev.tyche.execution.sim.Sim.qty;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.id.Asset;
import dev.tyche.core.market.FundingRate;
import dev.tyche.core.market.MarkPrice;
import dev.tyche.core.num.Decimal;
import dev.tyche.core.num.Money;
import dev.tyche.core.order.Liquidity;
import dev.tyche.core.order.OrderCancelled;
import dev.tyche.core.order.Side;
import dev.tyche.core.order.TimeInForce;
import dev.tyche.risk.margin.LeverageBracket;
import dev.tyche.risk.margin.LeverageBrackets;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fees, funding, liquidation, and validation of the configuration values. */
class AccountAndConfigTest {

  private static final LeverageBrackets BRACKETS =
      LeverageBrackets.of(
          BTC,
          new LeverageBracket(
              1, 125, Decimal.ZERO, Decimal.parse("50000"), Decimal.parse("0.004"), Decimal.ZERO),
          new LeverageBracket(
              2,
              100,
              Decimal.parse("50000"),
              Decimal.parse("250000"),
              Decimal.parse("0.005"),
              Decimal.parse("50")));

  private static Sim withPosition(Side side) {
    Sim sim =
        new Sim(
            SimulatedVenueConfig.of(FillModel.book())
                .withMargin(new IsolatedMargin(10, Map.of(BTC, BRACKETS))));
    sim.venue.deposit(Money.parse(Asset.USDT, "10000"));
    if (side == Side.BUY) {
      sim.snapshot(T0, levels("59999.9:1.000"), levels("60000.0:1.000"));
    } else {
      sim.snapshot(T0, levels("60000.0:1.000"), levels("60000.1:1.000"));
    }
    sim.submit(market("open", side, "0.500"));
    assertThat(sim.fills().get(0).execution().lastPrice()).isEqualTo(px("60000.00"));
    return sim;
  }

  @Test
  void isolatedLongIsLiquidatedAtTheBankruptcyPriceOnceTheMarkCrossesTheLiquidationPrice() {
    // Reference notes section 9: isolated long 0.5 at 60000 with wallet 3000 (= 30000 / 10),
    // MMR 0.4 %: LP = 54216.867...; bankruptcy price (30000 - 3000) / 0.5 = 54000.
    Sim sim =
        new Sim(
            SimulatedVenueConfig.of(FillModel.book())
                .withMargin(new IsolatedMargin(10, Map.of(BTC, BRACKETS))));
    sim.venue.deposit(Money.parse(Asset.USDT, "10000"));
    sim.snapshot(T0, levels("60000.0:1.000"), levels("60000.1:1.000"));
    sim.submit(market("open", Side.SELL, "0.001"));
    sim.venue.onMarketEvent(
        new dev.tyche.core.market.BookSnapshot(
            BTC, 101, T0, levels("59999.9:1.000"), levels("60000.0:1.000")));
    sim.submit(market("open2", Side.BUY, "0.501"));
    sim.submit(limit("rest", Side.BUY, "0.100", "50000.0", TimeInForce.GTC));
    assertThat(sim.venue.position(BTC).orElseThrow().size()).isEqualTo(qty("0.500"));

    sim.venue.onMarketEvent(MarkPrice.of(BTC, T0 + 1, px("54217.00")));
    assertThat(sim.accountEvents).isEmpty();
    sim.venue.onMarketEvent(MarkPrice.of(BTC, T0 + 2, px("54216.80")));

    PositionLiquidated liq = (PositionLiquidated) sim.accountEvents.get(0);
    assertThat(liq.liquidationPrice()).isCloseTo(54216.8674698795, within(1e-6));
    assertThat(liq.fill().side()).isEqualTo(Side.SELL);
    assertThat(liq.fill().price()).isEqualTo(px("54000.00"));
    assertThat(liq.fill().quantity()).isEqualTo(qty("0.500"));
    assertThat(liq.fill().fee().isZero()).isTrue();
    assertThat(liq.eventTime()).isEqualTo(T0 + 2);
    assertThat(sim.venue.position(BTC).orElseThrow().isFlat()).isTrue();
    assertThat(sim.last()).isInstanceOf(OrderCancelled.class);
    assertThat(sim.last().clientOrderId()).isEqualTo(id("rest"));
    assertThat(sim.venue.openOrderCount()).isZero();
  }

  @Test
  void isolatedShortIsLiquidatedFromTradesWhenNoMarkPriceIsFed() {
    Sim sim = withPosition(Side.SELL);
    // LP = (3000 + 30000) / (0.5 * 0.004 + 0.5) = 65737.05...; bankruptcy (30000 + 3000) / 0.5
    sim.trade(T0 + 1, "65737.0", "0.010", Side.BUY);
    assertThat(sim.accountEvents).isEmpty();
    sim.trade(T0 + 2, "65737.1", "0.010", Side.BUY);
    PositionLiquidated liq = (PositionLiquidated) sim.accountEvents.get(0);
    assertThat(liq.liquidationPrice()).isCloseTo(33000.0 / 0.502, within(1e-6));
    assertThat(liq.fill().side()).isEqualTo(Side.BUY);
    assertThat(liq.fill().price()).isEqualTo(px("66000.00"));
    // -3000 realised, fee 0.5 * 60000 * 0.0005 = 15 on the opening fill
    assertThat(sim.venue.balance(Asset.USDT).amount().compareValue(Decimal.parse("6985"))).isZero();
  }

  @Test
  void fundingIsSettledOncePerSettlementTimeAndReported() {
    Sim sim = withPosition(Side.BUY);
    long t = 1_723_161_600_000L; // 2024-08-09T00:00:00Z
    sim.clock.advanceTo(t);
    FundingRate rate =
        new FundingRate(BTC, t + 1, Decimal.parse("0.0001"), Optional.of(px("60000.00")));
    sim.venue.onMarketEvent(rate);
    sim.venue.onMarketEvent(rate);
    sim.venue.onMarketEvent(
        new FundingRate(BTC, t + 3, Decimal.parse("0.0001"), Optional.of(px("60000.00"))));

    assertThat(sim.accountEvents).hasSize(1);
    FundingSettled settled = (FundingSettled) sim.accountEvents.get(0);
    // a long pays 0.5 * 60000 * 0.0001 = 3
    assertThat(settled.amount().toPlainString()).isEqualTo("-3.00000000");
    assertThat(settled.eventTime()).isEqualTo(t + 1);
    assertThat(sim.venue.funding(Asset.USDT).amount().compareValue(Decimal.parse("-3"))).isZero();

    // the next settlement without a mark price in the event uses the venue's reference (the mid)
    sim.venue.onMarketEvent(FundingRate.of(BTC, t + 8 * 3_600_000L, Decimal.parse("-0.0002")));
    FundingSettled second = (FundingSettled) sim.accountEvents.get(1);
    assertThat(second.payment().markPrice()).isEqualTo(px("59999.95"));
    // a negative rate: the long receives 0.5 * 59999.95 * 0.0002 = 5.999995
    assertThat(second.amount().toPlainString()).isEqualTo("5.99999500");
  }

  @Test
  void fundingWithoutAPositionPaysNothing() {
    Sim sim = Sim.book();
    sim.venue.onMarketEvent(FundingRate.of(BTC, T0, Decimal.parse("0.0001")));
    assertThat(sim.accountEvents).isEmpty();
  }

  @Test
  void feesAreExactAndRoundedHalfUpToEightDecimals() {
    FeeSchedule fees = FeeSchedule.ofBps("2", "5");
    assertThat(fees.makerRate().compareValue(Decimal.parse("0.0002"))).isZero();
    assertThat(fees.takerRate().compareValue(Decimal.parse("0.0005"))).isZero();
    FeeSchedule quarter =
        fees.withSymbol(
            BTC, new FeeSchedule.Rates(Decimal.parse("0.00025"), Decimal.parse("-0.0001")));
    // 0.001 * 100.10 * 0.00025 = 0.000025025 -> half-up 0.00002503 (half-even would give ...02)
    assertThat(
            quarter
                .fee(Sim.INSTRUMENT, px("100.10"), qty("0.001"), Liquidity.MAKER)
                .toPlainString())
        .isEqualTo("0.00002503");
    assertThat(
            quarter
                .fee(Sim.INSTRUMENT, px("100.10"), qty("1.000"), Liquidity.TAKER)
                .toPlainString())
        .isEqualTo("-0.01001000");
    assertThat(
            FeeSchedule.BINANCE_VIP0.rate(dev.tyche.core.id.Symbol.of("ETHUSDT"), Liquidity.TAKER))
        .isEqualTo(Decimal.parse("0.0005"));
  }

  @Test
  void latencySamplesAreSeededAndInRange() {
    LatencyModel m = new LatencyModel(3, 4);
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);
    for (int i = 0; i < 200; i++) {
      long x = m.sample(a);
      assertThat(x).isBetween(3L, 7L).isEqualTo(m.sample(b));
    }
    assertThat(LatencyModel.fixed(9).sample(a)).isEqualTo(9);
  }

  @Test
  void slippageCost() {
    assertThat(new SlippageModel(1.0, 20.0).costFraction(1.0, 4.0)).isCloseTo(11e-4, within(1e-15));
    assertThat(new SlippageModel(1.0, 20.0).costFraction(1.0, Double.NaN))
        .isCloseTo(1e-4, within(1e-15));
    assertThat(QueueModel.proportional().aheadShare(3, 4)).isEqualTo(0.75);
    assertThat(QueueModel.proportional().aheadShare(3, 0)).isZero();
  }

  @Test
  void badConfigurationValuesFailWithClearMessages() {
    assertThatThrownBy(() -> new LatencyModel(-1, 0)).hasMessageContaining("fixedMillis");
    assertThatThrownBy(() -> new LatencyModel(0, -2)).hasMessageContaining("jitterMillis");
    assertThatThrownBy(() -> new LatencyModel(Long.MAX_VALUE, 0))
        .hasMessageContaining("below 2^61");
    assertThatThrownBy(() -> QueueModel.fixedShare(1.5)).hasMessageContaining("share");
    assertThatThrownBy(() -> QueueModel.fixedShare(Double.NaN)).hasMessageContaining("share");
    assertThatThrownBy(() -> new SlippageModel(-1, 0)).hasMessageContaining("halfSpreadBps");
    assertThatThrownBy(() -> new SlippageModel(0, Double.POSITIVE_INFINITY))
        .hasMessageContaining("sqrtImpactBps");
    assertThatThrownBy(() -> PercentPriceBand.of("0.99", "0.95"))
        .hasMessageContaining("multiplierUp");
    assertThatThrownBy(() -> PercentPriceBand.of("1.05", "0"))
        .hasMessageContaining("multiplierDown");
    assertThatThrownBy(() -> PercentPriceBand.of("1.05", "1.01"))
        .hasMessageContaining("multiplierDown");
    assertThatThrownBy(() -> new IsolatedMargin(0, Map.of())).hasMessageContaining("leverage");
    assertThatThrownBy(() -> new FillModel.Book(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new FillModel.Trades(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new FillModel.Bars(null, SlippageModel.NONE))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> SimulatedVenueConfig.of(null))
        .isInstanceOf(NullPointerException.class);
    assertThat(
            SimulatedVenueConfig.of(FillModel.trades())
                .withDataLatency(LatencyModel.fixed(2))
                .withFees(FeeSchedule.ZERO)
                .dataLatency())
        .isEqualTo(LatencyModel.fixed(2));
  }

  @Test
  void dataArrivalTimeAddsTheSeededDataLatency() {
    Sim sim =
        new Sim(SimulatedVenueConfig.of(FillModel.bars()).withDataLatency(new LatencyModel(10, 5)));
    MarkPrice m = MarkPrice.of(BTC, T0, px("1.0"));
    long at = sim.venue.dataArrivalTime(m);
    assertThat(at).isBetween(T0 + 10, T0 + 15);
    Sim again =
        new Sim(SimulatedVenueConfig.of(FillModel.bars()).withDataLatency(new LatencyModel(10, 5)));
    assertThat(again.venue.dataArrivalTime(m)).isEqualTo(at);
  }
}
