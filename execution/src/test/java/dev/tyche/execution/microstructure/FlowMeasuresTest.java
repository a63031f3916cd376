package dev.tyche.execution.microstructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.book.OrderBook;
import dev.tyche.core.order.Side;
import org.junit.jupiter.api.Test;

/** OFI, Kyle's lambda, VPIN and the liquidity score on hand-computed sequences. */
class FlowMeasuresTest {
  private static final double TOL = 1e-12;

  @Test
  void orderFlowImbalanceByHand() {
    OrderFlowImbalance ofi = new OrderFlowImbalance(250);
    assertThat(ofi.update(0, 100, 5, 101, 3)).isZero(); // first state only initialises
    // bid unchanged 5 -> 7: +7 - 5; ask unchanged 3 -> 3: -3 + 3
    assertThat(ofi.update(100, 100, 7, 101, 3)).isEqualTo(2);
    // bid up to 100.5 x 1: +1; ask unchanged: 0
    assertThat(ofi.update(200, 100.5, 1, 101, 3)).isEqualTo(1);
    // ask down to 100.8 x 2: -2
    assertThat(ofi.update(300, 100.5, 1, 100.8, 2)).isEqualTo(-2);
    // bid down to 100 x 4: -(previous bid qty 1)
    assertThat(ofi.update(400, 100, 4, 100.8, 2)).isEqualTo(-1);
    // ask up to 101.2 x 6: +(previous ask qty 2)
    assertThat(ofi.update(500, 100, 4, 101.2, 6)).isEqualTo(2);
    assertThat(ofi.total()).isEqualTo(2);
    assertThat(ofi.last()).isEqualTo(2);
    assertThat(ofi.updates()).isEqualTo(6);
    // window (250, 500]: -2 - 1 + 2
    assertThat(ofi.windowSum()).isEqualTo(-1);
    ofi.advanceTo(760); // (510, 760]: empty
    assertThat(ofi.windowSum()).isZero();
  }

  @Test
  void orderFlowImbalanceFromABookUsesUnits() {
    OrderFlowImbalance ofi = new OrderFlowImbalance(1000);
    OrderBook book = Fixtures.handBook();
    ofi.update(0, book);
    book.setLevel(Side.BUY, 9990, 3000); // best bid 99.9 quantity 1 -> 3 BTC (units of 0.001)
    assertThat(ofi.update(1, book)).isEqualTo(2000);
  }

  @Test
  void kyleLambdaExactLine() {
    KyleLambda k = new KyleLambda(10);
    assertThat(k.isReady()).isFalse();
    for (int x = 1; x <= 5; x++) {
      k.update(x, 0.5 + 2 * x);
    }
    assertThat(k.count()).isEqualTo(5);
    assertThat(k.lambda()).isCloseTo(2, within(TOL));
    assertThat(k.intercept()).isCloseTo(0.5, within(TOL));
    assertThat(k.lambdaStandardError()).isCloseTo(0, within(1e-7));
    assertThat(k.rSquared()).isCloseTo(1, within(TOL));
  }

  @Test
  void kyleLambdaRollsOverTheWindow() {
    KyleLambda k = new KyleLambda(3);
    k.update(10, 0); // pushed out by the third update after it
    k.update(1, 1);
    k.update(2, 1);
    k.update(3, 4);
    // x = 1,2,3; y = 1,1,4: S_xx = 2, S_xy = 3, S_yy = 6
    assertThat(k.count()).isEqualTo(3);
    assertThat(k.lambda()).isCloseTo(1.5, within(TOL));
    assertThat(k.intercept()).isCloseTo(-1, within(TOL));
    // residual SS = 6 - 1.5 * 3 = 1.5 over 1 dof; se = sqrt(1.5 / 2)
    assertThat(k.lambdaStandardError()).isCloseTo(Math.sqrt(0.75), within(TOL));
    assertThat(k.rSquared()).isCloseTo(0.75, within(TOL));
  }

  @Test
  void kyleLambdaNeedsVaryingVolume() {
    KyleLambda k = new KyleLambda(5);
    k.update(1, 1);
    k.update(1, 2);
    k.update(1, 3);
    assertThat(k.isReady()).isFalse();
    assertThatThrownBy(k::lambda)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("varying signed volume");
    k.update(2, 0);
    assertThat(k.isReady()).isTrue();
    KyleLambda flat = new KyleLambda(3);
    flat.update(1, 5);
    flat.update(2, 5);
    flat.update(3, 5);
    assertThat(flat.rSquared()).isZero();
  }

  @Test
  void vpinWithTheAggressorFlag() {
    Vpin v = new Vpin(10, 2, VpinClassification.AGGRESSOR);
    assertThat(v.onTrade(100, 6, Side.BUY)).isZero();
    assertThat(v.currentBucketVolume()).isEqualTo(6);
    assertThat(v.onTrade(100, 4, Side.SELL)).isEqualTo(1); // bucket 1: |4 - 6| / 10 = 0.2
    assertThat(v.isReady()).isFalse();
    assertThatThrownBy(v::value).isInstanceOf(IllegalStateException.class);
    assertThat(v.onTrade(100, 15, Side.BUY)).isEqualTo(1); // bucket 2: all buy = 1.0; 5 carried
    assertThat(v.value()).isCloseTo(0.6, within(TOL));
    assertThat(v.onTrade(100, 5, Side.SELL)).isEqualTo(1); // bucket 3: 5 / 5 = 0
    assertThat(v.value()).isCloseTo(0.5, within(TOL)); // (1.0 + 0) / 2
    assertThat(v.completedBuckets()).isEqualTo(3);
    assertThat(v.bucketVolume()).isEqualTo(10);
    assertThat(v.windowBuckets()).isEqualTo(2);
    // One large trade fills several buckets at once.
    assertThat(v.onTrade(100, 35, Side.SELL)).isEqualTo(3);
    assertThat(v.value()).isCloseTo(1.0, within(TOL));
    assertThat(v.currentBucketVolume()).isCloseTo(5, within(TOL));
  }

  @Test
  void vpinWithTheTickRule() {
    Vpin v = new Vpin(10, 1, VpinClassification.TICK_RULE);
    v.onTrade(100, 4, Side.SELL); // no previous price: split 2 / 2 whatever the flag says
    v.onTrade(101, 6, Side.SELL); // uptick: buy, whatever the flag says
    assertThat(v.value()).isCloseTo(0.6, within(TOL)); // |2 - 8| / 10
    v.onTrade(101, 5, Side.BUY); // same price: keeps the uptick's class (buy)
    v.onTrade(100.5, 5, Side.BUY); // downtick: sell
    assertThat(v.value()).isCloseTo(0.0, within(TOL));
  }

  @Test
  void liquidityScoreByHand() {
    LiquidityScore s = LiquidityScore.equalWeights(2, 10, 1);
    assertThat(s.score(2, 10, 1)).isCloseTo(0.5, within(TOL)); // every term at its scale
    assertThat(s.score(0, 30, -3)).isCloseTo((1 + 0.75 + 0.25) / 3, within(TOL));
    LiquidityScore spreadOnly = new LiquidityScore(2, 10, 1, 4, 0, 0);
    assertThat(spreadOnly.score(6, 0, 100)).isCloseTo(0.25, within(TOL)); // 2 / (2 + 6)
    assertThat(s.score(1e12, 0, 1e12)).isCloseTo(0, within(1e-9));
  }
}
