package dev.tyche.execution.microstructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.order.Side;
import org.junit.jupiter.api.Test;

/** Hand-computed spreads: quote 99 / 101, mid 100, so 1 price unit is 100 bps of the mid. */
class SpreadsTest {
  private static final double TOL = 1e-9;

  @Test
  void quotedSpread() {
    assertThat(Spreads.quotedSpread(99, 101)).isEqualTo(2.0);
    assertThat(Spreads.quotedSpreadBps(99, 101)).isCloseTo(200.0, within(TOL));
    // 0.1 over a mid of 61800.25: 0.01618 bps
    assertThat(Spreads.quotedSpreadBps(61800.2, 61800.3))
        .isCloseTo(1e4 * 0.1 / 61800.25, within(1e-9));
  }

  @Test
  void effectiveSpreadIsAbsoluteAndSignedKeepsTheDirection() {
    // Buy at the ask: 2 * 1 / 100 = 200 bps either way.
    assertThat(Spreads.effectiveSpreadBps(101, 100)).isCloseTo(200.0, within(TOL));
    assertThat(Spreads.signedEffectiveSpreadBps(101, Side.BUY, 100)).isCloseTo(200, within(TOL));
    // A "sell" at 101 is on the favourable side of the mid: the signed spread is negative.
    assertThat(Spreads.signedEffectiveSpreadBps(101, Side.SELL, 100)).isCloseTo(-200, within(TOL));
    assertThat(Spreads.effectiveSpreadBps(99.5, 100)).isCloseTo(100.0, within(TOL));
    assertThat(Spreads.signedEffectiveSpreadBps(99.5, Side.SELL, 100)).isCloseTo(100, within(TOL));
  }

  @Test
  void realisedPlusImpactIsTheSignedEffectiveSpread() {
    // Buy at 101, mid 100 before, 100.5 after: realised 2 * 0.5 / 100 = 100 bps, impact 100 bps.
    assertThat(Spreads.realisedSpreadBps(101, Side.BUY, 100, 100.5)).isCloseTo(100, within(TOL));
    assertThat(Spreads.priceImpactBps(Side.BUY, 100, 100.5)).isCloseTo(100, within(TOL));
    // Sell at 99, mid falls to 98: realised 2 * -1 * (99 - 98) / 100 = -200, impact +400.
    assertThat(Spreads.realisedSpreadBps(99, Side.SELL, 100, 98)).isCloseTo(-200, within(TOL));
    assertThat(Spreads.priceImpactBps(Side.SELL, 100, 98)).isCloseTo(400, within(TOL));
  }

  @Test
  void decompositionWaitsForTheMidAtTradeTimePlusDelta() {
    SpreadDecomposition d = new SpreadDecomposition(1000);
    assertThat(d.horizonMillis()).isEqualTo(1000);
    assertThat(d.meanEffectiveSpreadBps()).isNaN();
    assertThat(d.meanRealisedSpreadBps()).isNaN();
    d.onQuote(0, 99, 101);
    assertThat(d.onTrade(100, 101, Side.BUY)).isCloseTo(200, within(TOL));
    d.onQuote(500, 100, 101); // mid 100.5
    d.onQuote(1100, 101, 102); // mid 101.5, exactly at t + Δt: this is the mid that counts
    assertThat(d.pendingTrades()).isEqualTo(1);
    assertThat(d.resolvedTrades()).isZero();
    d.onQuote(1101, 90, 92); // strictly later: the trade resolves against 101.5, not 91
    assertThat(d.resolvedTrades()).isEqualTo(1);
    // realised = 2 * (101 - 101.5) / 100 = -100 bps; impact = 2 * 1.5 / 100 = 300 bps
    assertThat(d.meanRealisedSpreadBps()).isCloseTo(-100, within(TOL));
    assertThat(d.meanPriceImpactBps()).isCloseTo(300, within(TOL));
    assertThat(d.meanResolvedSignedEffectiveSpreadBps()).isCloseTo(200, within(TOL));
    assertThat(d.mid()).isEqualTo(91.0);
  }

  @Test
  void decompositionAveragesOverTrades() {
    SpreadDecomposition d = new SpreadDecomposition(10);
    d.onQuote(0, 99, 101);
    d.onTrade(1, 101, Side.BUY); // 200 / +200
    d.onTrade(2, 100.5, Side.SELL); // 100 / -100
    assertThat(d.trades()).isEqualTo(2);
    assertThat(d.lastEffectiveSpreadBps()).isCloseTo(100, within(TOL));
    assertThat(d.meanEffectiveSpreadBps()).isCloseTo(150, within(TOL));
    assertThat(d.meanSignedEffectiveSpreadBps()).isCloseTo(50, within(TOL));
    d.advanceTo(13); // both deadlines (11, 12) passed; mid still 100
    assertThat(d.resolvedTrades()).isEqualTo(2);
    assertThat(d.meanPriceImpactBps()).isCloseTo(0, within(TOL));
    assertThat(d.meanRealisedSpreadBps()).isCloseTo(50, within(TOL));
  }

  @Test
  void decompositionGrowsItsQueue() {
    SpreadDecomposition d = new SpreadDecomposition(1_000_000);
    d.onQuote(0, 99, 101);
    for (int i = 0; i < 1000; i++) {
      d.onTrade(i, 101, Side.BUY);
    }
    d.onQuote(1000, 100, 102); // mid 101
    d.advanceTo(2_000_000);
    assertThat(d.resolvedTrades()).isEqualTo(1000);
    assertThat(d.meanRealisedSpreadBps()).isCloseTo(0, within(TOL));
    assertThat(d.meanPriceImpactBps()).isCloseTo(200, within(TOL));
  }
}
