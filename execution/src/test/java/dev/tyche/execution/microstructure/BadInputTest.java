package dev.tyche.execution.microstructure;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tyche.core.book.OrderBook;
import dev.tyche.core.order.Side;
import org.junit.jupiter.api.Test;

/** Invalid arguments fail fast with a message naming the argument and the rule. */
class BadInputTest {
  private static final double NAN = Double.NaN;
  private static final double INF = Double.POSITIVE_INFINITY;

  private static void fails(Runnable r, String messagePart) {
    assertThatThrownBy(r::run)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(messagePart);
  }

  @Test
  void spreads() {
    fails(() -> Spreads.quotedSpread(NAN, 101), "bid must be finite and > 0 but was NaN");
    fails(() -> Spreads.quotedSpread(99, INF), "ask must be finite");
    fails(() -> Spreads.quotedSpreadBps(101, 99), "bid must be < ask");
    fails(() -> Spreads.quotedSpreadBps(100, 100), "crossed or locked");
    fails(() -> Spreads.quotedSpread(0, 1), "bid must be finite and > 0 but was 0.0");
    fails(() -> Spreads.effectiveSpreadBps(-1, 100), "price must be finite and > 0");
    fails(() -> Spreads.effectiveSpreadBps(100, NAN), "midBefore");
    fails(() -> Spreads.signedEffectiveSpreadBps(100, Side.BUY, 0), "midBefore");
    fails(() -> Spreads.realisedSpreadBps(100, Side.BUY, 100, INF), "midAfter");
    fails(() -> Spreads.priceImpactBps(Side.SELL, NAN, 100), "midBefore");
    assertThatThrownBy(() -> Spreads.priceImpactBps(null, 100, 100))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("aggressor");
  }

  @Test
  void spreadDecomposition() {
    fails(() -> new SpreadDecomposition(0), "horizonMillis must be > 0 but was 0");
    SpreadDecomposition d = new SpreadDecomposition(100);
    assertThatThrownBy(() -> d.onTrade(0, 100, Side.BUY))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no quote yet");
    d.onQuote(10, 99, 101);
    fails(() -> d.onQuote(9, 99, 101), "time must be >= the previous time 10");
    fails(() -> d.onQuote(11, 101, 99), "bid must be < ask");
    fails(() -> d.onTrade(11, NAN, Side.BUY), "price must be finite");
    fails(() -> d.advanceTo(5), "non-decreasing");
  }

  @Test
  void bookOperatorsNeedBothSides() {
    OrderBook oneSided = Fixtures.book(new String[] {"99.9", "1"}, new String[] {});
    assertThatThrownBy(() -> new BookDepth(10).update(oneSided))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("both sides");
    assertThatThrownBy(() -> new BookImbalance(5).update(oneSided))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Microprice.weightedMid(oneSided))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new OrderFlowImbalance(10).update(0, oneSided))
        .isInstanceOf(IllegalStateException.class);
    fails(() -> new BookDepth(0), "bandBps must be finite and > 0");
    fails(() -> new BookDepth(NAN), "bandBps");
    fails(() -> new BookImbalance(0), "levels must be > 0 but was 0");
  }

  @Test
  void imbalanceAndMicroprice() {
    fails(() -> BookImbalance.of(-1, 2), "bidQuantity must be finite and >= 0 but was -1.0");
    fails(() -> BookImbalance.of(1, NAN), "askQuantity");
    fails(() -> BookImbalance.of(0, 0), "imbalance undefined");
    fails(() -> Microprice.weightedMid(99, 0, 101, 1), "bidQuantity must be finite and > 0");
    fails(() -> Microprice.weightedMid(99, 1, 101, INF), "askQuantity");
    fails(() -> Microprice.weightedMid(101, 1, 99, 1), "bid must be < ask");
  }

  @Test
  void orderFlowImbalance() {
    fails(() -> new OrderFlowImbalance(0), "windowMillis must be > 0");
    OrderFlowImbalance ofi = new OrderFlowImbalance(100);
    ofi.update(5, 100, 1, 101, 1);
    fails(() -> ofi.update(4, 100, 1, 101, 1), "time must be >= the previous time 5");
    fails(() -> ofi.update(6, 100, -1, 101, 1), "bidQty");
    fails(() -> ofi.update(6, 100, 1, 101, NAN), "askQty");
    fails(() -> ofi.update(6, 102, 1, 101, 1), "bid must be < ask");
    fails(() -> ofi.advanceTo(1), "non-decreasing");
  }

  @Test
  void kyleLambdaVpinAndScore() {
    fails(() -> new KyleLambda(2), "window must be >= 3 but was 2");
    KyleLambda k = new KyleLambda(5);
    fails(() -> k.update(NAN, 1), "signedVolume must be finite");
    fails(() -> k.update(1, INF), "midChange must be finite");
    assertThatThrownBy(k::lambdaStandardError).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(k::intercept).isInstanceOf(IllegalStateException.class);

    fails(() -> new Vpin(0, 50, VpinClassification.AGGRESSOR), "bucketVolume must be finite");
    fails(() -> new Vpin(INF, 50, VpinClassification.AGGRESSOR), "bucketVolume");
    fails(() -> new Vpin(1, 0, VpinClassification.AGGRESSOR), "windowBuckets must be > 0");
    assertThatThrownBy(() -> new Vpin(1, 1, null)).isInstanceOf(NullPointerException.class);
    Vpin v = new Vpin(1, 1, VpinClassification.TICK_RULE);
    fails(() -> v.onTrade(100, 0, Side.BUY), "quantity must be finite and > 0 but was 0.0");
    fails(() -> v.onTrade(100, -2, Side.BUY), "quantity");
    fails(() -> v.onTrade(NAN, 1, Side.BUY), "price");

    fails(() -> new LiquidityScore(0, 1, 1, 1, 1, 1), "spreadScaleBps");
    fails(() -> new LiquidityScore(1, NAN, 1, 1, 1, 1), "depthScale");
    fails(() -> new LiquidityScore(1, 1, -1, 1, 1, 1), "lambdaScale");
    fails(() -> new LiquidityScore(1, 1, 1, -1, 1, 1), "spreadWeight");
    fails(() -> new LiquidityScore(1, 1, 1, 0, 0, 0), "must be > 0 but was 0.0");
    LiquidityScore s = LiquidityScore.equalWeights(1, 1, 1);
    fails(() -> s.score(-1, 1, 1), "spreadBps");
    fails(() -> s.score(1, INF, 1), "depth");
    fails(() -> s.score(1, 1, NAN), "lambda must be finite");
  }

  @Test
  void detectors() {
    fails(() -> new QuoteStuffingDetector(0, 1, 1), "windowMillis");
    fails(() -> new QuoteStuffingDetector(1, 0, 1), "minMessages");
    fails(() -> new QuoteStuffingDetector(1, 1, NAN), "minMessagesPerTrade");
    QuoteStuffingDetector q = new QuoteStuffingDetector(10, 1, 1);
    fails(() -> q.onBookUpdate(0, -1), "levelUpdates must be >= 0 but was -1");
    q.onTrade(5);
    fails(() -> q.onBookUpdate(4, 1), "non-decreasing");

    fails(() -> new LayeringDetector.Rule(0, 1, 1, 1, 1, 1, 1), "minAddQuantity");
    fails(() -> new LayeringDetector.Rule(1, -1, 1, 1, 1, 1, 1), "maxDistanceBps");
    fails(() -> new LayeringDetector.Rule(1, 1, 0, 1, 1, 1, 1), "minCancelFraction");
    fails(() -> new LayeringDetector.Rule(1, 1, 1.5, 1, 1, 1, 1), "minCancelFraction");
    fails(() -> new LayeringDetector.Rule(1, 1, 1, 0, 1, 1, 1), "maxLifetimeMillis");
    fails(() -> new LayeringDetector.Rule(1, 1, 1, 1, 0, 1, 1), "minLevels");
    fails(() -> new LayeringDetector.Rule(1, 1, 1, 1, 1, 0, 1), "windowMillis");
    fails(() -> new LayeringDetector.Rule(1, 1, 1, 1, 1, 1, NAN), "minOppositeTradeQuantity");
    LayeringDetector l = new LayeringDetector(new LayeringDetector.Rule(1, 1, 1, 1, 1, 1, 1));
    fails(() -> l.onLevelChange(0, Side.BUY, 100, -1, 1, 100), "previousQuantity");
    fails(() -> l.onLevelChange(0, Side.BUY, NAN, 0, 1, 100), "price");
    fails(() -> l.onLevelChange(0, Side.BUY, 100, 0, INF, 100), "newQuantity");
    fails(() -> l.onLevelChange(0, Side.BUY, 100, 0, 1, 0), "sameSideBest");
    fails(() -> l.onTrade(0, Side.BUY, 100, 0), "quantity");
    l.onTrade(10, Side.BUY, 100, 1);
    fails(() -> l.onTrade(9, Side.BUY, 100, 1), "non-decreasing");

    fails(() -> new MomentumIgnitionDetector.Rule(0, 5, 0.8, 1, 0.5, 1), "burstWindowMillis");
    fails(() -> new MomentumIgnitionDetector.Rule(1, 1, 0.8, 1, 0.5, 1), "minBurstTrades");
    fails(() -> new MomentumIgnitionDetector.Rule(1, 5, 0.4, 1, 0.5, 1), "minDominance");
    fails(() -> new MomentumIgnitionDetector.Rule(1, 5, 0.8, 0, 0.5, 1), "minMoveBps");
    fails(() -> new MomentumIgnitionDetector.Rule(1, 5, 0.8, 1, 0, 1), "minReversalFraction");
    fails(() -> new MomentumIgnitionDetector.Rule(1, 5, 0.8, 1, 0.5, 0), "maxReversalMillis");
    MomentumIgnitionDetector m =
        new MomentumIgnitionDetector(new MomentumIgnitionDetector.Rule(1, 5, 0.8, 1, 0.5, 1));
    fails(() -> m.onTrade(0, Side.BUY, 0, 1), "price");
    m.onTrade(3, Side.BUY, 100, 1);
    fails(() -> m.onTrade(2, Side.BUY, 100, 1), "non-decreasing");

    fails(() -> new PingPongDetector(0, 1, 3), "maxQuantity");
    fails(() -> new PingPongDetector(1, -1, 3), "maxGapMillis must be >= 0");
    fails(() -> new PingPongDetector(1, 1, 2), "minTrades must be >= 3 but was 2");
    PingPongDetector p = new PingPongDetector(1, 1, 3);
    fails(() -> p.onTrade(0, Side.BUY, 100, NAN), "quantity");
    p.onTrade(7, Side.BUY, 100, 1);
    fails(() -> p.onTrade(6, Side.SELL, 100, 1), "non-decreasing");
  }

  @Test
  void alerts() {
    fails(() -> new QuoteStuffingAlert(0, 0, 1, 0, 1), "windowMillis");
    fails(() -> new QuoteStuffingAlert(0, 1, 0, 0, 1), "bookMessages");
    fails(() -> new QuoteStuffingAlert(0, 1, 1, -1, 1), "trades");
    fails(() -> new LayeringAlert(0, Side.BUY, 0, 1, 1, 1), "cancelledLevels");
    fails(() -> new LayeringAlert(0, Side.BUY, 1, NAN, 1, 1), "cancelledQuantity");
    assertThatThrownBy(() -> new LayeringAlert(0, null, 1, 1, 1, 1))
        .isInstanceOf(NullPointerException.class);
    fails(() -> new MomentumIgnitionAlert(5, Side.BUY, 6, 5, 2, 1, 1), "burstStart <= peakTime");
    fails(() -> new MomentumIgnitionAlert(5, Side.BUY, 0, 6, 2, 1, 1), "peakTime <= time");
    fails(() -> new MomentumIgnitionAlert(5, Side.BUY, 0, 1, 2, -1, 1), "moveBps");
    fails(() -> new PingPongAlert(5, 0, 3, 1, 100, 101), "sellPrice must be <= buyPrice");
    fails(() -> new PingPongAlert(5, 6, 3, 1, 101, 100), "startTime <= time");
    fails(() -> new PingPongAlert(5, 0, 0, 1, 101, 100), "trades");
  }
}
