package dev.tyche.execution.microstructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.book.OrderBook;
import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Invariants of the operators over random inputs, and agreement with naive recomputations. */
class MicrostructureProperties {

  @Property
  void imbalanceOfTwoQuantitiesIsInRange(
      @ForAll @DoubleRange(min = 0, max = 1e9) double bid,
      @ForAll @DoubleRange(min = -12, max = 9) double askExponent) {
    double ask = Math.pow(10, askExponent);
    double i = BookImbalance.of(bid, ask);
    assertThat(i).isBetween(-1.0, 1.0);
    assertThat(BookImbalance.of(ask, bid)).isCloseTo(-i, within(1e-15));
  }

  @Property(tries = 200)
  void bookImbalanceIsInRangeAndMatchesTheLevelSums(
      @ForAll("books") long seed, @ForAll @IntRange(min = 1, max = 30) int levels) {
    Random r = new Random(seed);
    OrderBook book = new OrderBook(Fixtures.BTC, 64);
    long mid = 6_000_000 + r.nextInt(1000);
    long[] bidQ = new long[40];
    long[] askQ = new long[40];
    int nb = 1 + r.nextInt(40);
    int na = 1 + r.nextInt(40);
    for (int i = 0; i < nb; i++) {
      bidQ[i] = 1 + (long) (r.nextDouble() * r.nextDouble() * 100_000);
      book.setLevel(Side.BUY, mid - 10 * (i + 1), bidQ[i]);
    }
    for (int i = 0; i < na; i++) {
      askQ[i] = 1 + (long) (r.nextDouble() * 100_000);
      book.setLevel(Side.SELL, mid + 10 * (i + 1), askQ[i]);
    }
    double b = 0;
    double a = 0;
    for (int i = 0; i < Math.min(levels, nb); i++) {
      b += bidQ[i];
    }
    for (int i = 0; i < Math.min(levels, na); i++) {
      a += askQ[i];
    }
    double value = new BookImbalance(levels).update(book);
    assertThat(value).isBetween(-1.0, 1.0);
    assertThat(value).isCloseTo((b - a) / (b + a), within(1e-12));
    // Depth within a band grows with the band and is at least the best level.
    BookDepth narrow = new BookDepth(1);
    BookDepth wide = new BookDepth(50);
    narrow.update(book);
    wide.update(book);
    assertThat(narrow.bidDepthWithinBand()).isLessThanOrEqualTo(wide.bidDepthWithinBand());
    assertThat(narrow.askDepthWithinBand()).isLessThanOrEqualTo(wide.askDepthWithinBand());
    assertThat(wide.bidDepthWithinBand()).isGreaterThanOrEqualTo(wide.bestBidQuantity());
  }

  @Provide
  Arbitrary<Long> books() {
    return Arbitraries.longs();
  }

  @Property
  void weightedMidLiesWithinTheQuote(
      @ForAll @DoubleRange(min = -6, max = 6) double bidExponent,
      @ForAll @DoubleRange(min = -9, max = 3) double spreadExponent,
      @ForAll @DoubleRange(min = -9, max = 9) double bidQtyExponent,
      @ForAll @DoubleRange(min = -9, max = 9) double askQtyExponent) {
    double bid = Math.pow(10, bidExponent);
    double spread = Math.pow(10, spreadExponent);
    double bidQty = Math.pow(10, bidQtyExponent);
    double askQty = Math.pow(10, askQtyExponent);
    double ask = bid + spread;
    if (!(ask > bid)) {
      return; // spread lost to rounding at this magnitude
    }
    double p = Microprice.weightedMid(bid, bidQty, ask, askQty);
    assertThat(p).isBetween(bid, ask);
    // More bid quantity never moves it down.
    assertThat(Microprice.weightedMid(bid, bidQty * 2, ask, askQty)).isGreaterThanOrEqualTo(p);
  }

  @Property(tries = 300)
  void vpinIsAProbability(
      @ForAll long seed,
      @ForAll @DoubleRange(min = 0.01, max = 50) double bucket,
      @ForAll @IntRange(min = 1, max = 20) int window) {
    Random r = new Random(seed);
    Vpin flag = new Vpin(bucket, window, VpinClassification.AGGRESSOR);
    Vpin tick = new Vpin(bucket, window, VpinClassification.TICK_RULE);
    double price = 100;
    double volume = 0;
    for (int i = 0; i < 500; i++) {
      price = Math.max(1, price + (r.nextInt(3) - 1) * 0.1);
      double q = Math.exp(r.nextGaussian() * 2) * bucket * 0.3;
      Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
      flag.onTrade(price, q, side);
      tick.onTrade(price, q, side);
      volume += q;
      for (Vpin v : new Vpin[] {flag, tick}) {
        assertThat(v.currentBucketVolume()).isBetween(0.0, bucket);
        if (v.isReady()) {
          assertThat(v.value()).isBetween(0.0, 1.0);
        }
      }
    }
    // Buckets are never lost: completed buckets times V plus the partial one is the volume.
    assertThat(flag.completedBuckets() * bucket + flag.currentBucketVolume())
        .isCloseTo(volume, within(1e-6 * volume));
  }

  /** The CKS contribution written out by case, independently of the indicator form. */
  private static double naiveE(double[] prev, double[] now) {
    double bidPart;
    if (now[0] > prev[0]) {
      bidPart = now[1];
    } else if (now[0] == prev[0]) {
      bidPart = now[1] - prev[1];
    } else {
      bidPart = -prev[1];
    }
    double askPart;
    if (now[2] < prev[2]) {
      askPart = now[3];
    } else if (now[2] == prev[2]) {
      askPart = now[3] - prev[3];
    } else {
      askPart = -prev[3];
    }
    return bidPart - askPart;
  }

  @Property(tries = 300)
  void ofiSumsMatchANaiveRecomputation(
      @ForAll long seed, @ForAll @LongRange(min = 1, max = 500) long window) {
    Random r = new Random(seed);
    OrderFlowImbalance ofi = new OrderFlowImbalance(window);
    List<double[]> states = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    long t = 0;
    double bid = 1000;
    double total = 0;
    for (int n = 0; n < 400; n++) {
      t += r.nextInt(20);
      bid += (r.nextInt(3) - 1);
      double ask = bid + 1 + r.nextInt(3);
      double[] s = {bid, 1 + r.nextInt(50), ask, 1 + r.nextInt(50)};
      double e = ofi.update(t, s[0], s[1], s[2], s[3]);
      double expected = states.isEmpty() ? 0 : naiveE(states.get(states.size() - 1), s);
      assertThat(e).isEqualTo(expected);
      states.add(s);
      times.add(t);
      total += expected;
      double windowSum = 0;
      for (int i = 1; i < states.size(); i++) {
        if (times.get(i) > t - window) {
          windowSum += naiveE(states.get(i - 1), states.get(i));
        }
      }
      assertThat(ofi.windowSum()).isCloseTo(windowSum, within(1e-9));
    }
    assertThat(ofi.total()).isCloseTo(total, within(1e-9));
  }

  @Property(tries = 100)
  void kyleLambdaRecoversAKnownLambda(
      @ForAll long seed,
      @ForAll @DoubleRange(min = -5, max = 5) double lambda,
      @ForAll @DoubleRange(min = 0.01, max = 3) double noise,
      @ForAll @IntRange(min = 50, max = 400) int window) {
    Random r = new Random(seed);
    KyleLambda k = new KyleLambda(window);
    double[] xs = new double[3 * window];
    double[] ys = new double[3 * window];
    for (int i = 0; i < xs.length; i++) {
      xs[i] = r.nextGaussian() * 2 + 0.3;
      ys[i] = 0.1 + lambda * xs[i] + noise * r.nextGaussian();
      k.update(xs[i], ys[i]);
    }
    // Naive OLS on the last `window` pairs, with two-pass centred sums.
    double mx = 0;
    double my = 0;
    for (int i = xs.length - window; i < xs.length; i++) {
      mx += xs[i] / window;
      my += ys[i] / window;
    }
    double sxx = 0;
    double sxy = 0;
    for (int i = xs.length - window; i < xs.length; i++) {
      sxx += (xs[i] - mx) * (xs[i] - mx);
      sxy += (xs[i] - mx) * (ys[i] - my);
    }
    assertThat(k.count()).isEqualTo(window);
    assertThat(k.lambda()).isCloseTo(sxy / sxx, within(1e-9 * (1 + Math.abs(lambda))));
    // The estimate recovers the true slope within 5 standard errors (sd of x is 2, so the
    // standard error is about noise / (2 sqrt(window))).
    double se = k.lambdaStandardError();
    assertThat(se)
        .isCloseTo(noise / (2 * Math.sqrt(window)), within(0.5 * noise / Math.sqrt(window)));
    assertThat(Math.abs(k.lambda() - lambda)).isLessThanOrEqualTo(5 * se);
    assertThat(k.rSquared()).isBetween(0.0, 1.0);
  }

  @Property
  void liquidityScoreIsInTheUnitIntervalAndMonotone(
      @ForAll @DoubleRange(min = 0, max = 1e4) double spread,
      @ForAll @DoubleRange(min = 0, max = 1e6) double depth,
      @ForAll @DoubleRange(min = -1e3, max = 1e3) double lambda) {
    LiquidityScore s = new LiquidityScore(2, 10, 0.5, 1, 2, 1);
    double v = s.score(spread, depth, lambda);
    assertThat(v).isBetween(0.0, 1.0);
    assertThat(s.score(spread * 2 + 1, depth, lambda)).isLessThanOrEqualTo(v);
    assertThat(s.score(spread, depth * 2 + 1, lambda)).isGreaterThanOrEqualTo(v);
    assertThat(s.score(spread, depth, Math.abs(lambda) * 2 + 1)).isLessThanOrEqualTo(v);
  }

  @Property(tries = 200)
  void effectiveSpreadIsNonNegativeAndDecomposes(
      @ForAll long seed, @ForAll @LongRange(min = 1, max = 200) long horizon) {
    Random r = new Random(seed);
    SpreadDecomposition d = new SpreadDecomposition(horizon);
    double mid = 100;
    long t = 0;
    d.onQuote(t, mid - 0.05, mid + 0.05);
    double sumRealised = 0;
    double sumImpact = 0;
    double sumSigned = 0;
    for (int i = 0; i < 300; i++) {
      t += r.nextInt(30);
      if (r.nextBoolean()) {
        mid += (r.nextInt(3) - 1) * 0.1;
        d.onQuote(t, mid - 0.05, mid + 0.05);
      } else {
        Side side = r.nextBoolean() ? Side.BUY : Side.SELL;
        double price = mid + side.sign() * 0.05 * (r.nextInt(5) - 1);
        assertThat(d.onTrade(t, price, side)).isGreaterThanOrEqualTo(0.0);
      }
    }
    d.advanceTo(t + horizon + 1);
    assertThat(d.pendingTrades()).isZero();
    if (d.resolvedTrades() > 0) {
      sumRealised = d.meanRealisedSpreadBps();
      sumImpact = d.meanPriceImpactBps();
      sumSigned = d.meanResolvedSignedEffectiveSpreadBps();
      assertThat(sumRealised + sumImpact).isCloseTo(sumSigned, within(1e-9));
      assertThat(d.meanSignedEffectiveSpreadBps()).isCloseTo(sumSigned, within(1e-9));
      assertThat(d.meanEffectiveSpreadBps())
          .isGreaterThanOrEqualTo(Math.abs(d.meanSignedEffectiveSpreadBps()) - 1e-9);
    }
  }
}
