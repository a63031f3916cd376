package dev.tyche.execution.schedule;

import dev.tyche.core.order.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulates parent orders executed in child orders under the linear impact model with a Brownian
 * price, so that calibrations can be checked against the parameters that generated the data.
 */
final class SyntheticFills {

  static final double DECISION_PRICE = 50;

  private SyntheticFills() {}

  /**
   * Parent orders executed in 3 to 8 children each (time in days, prices in dollars).
   *
   * @param trueSigmaFactor the true volatility is this times the stated one (0: no noise)
   */
  static List<ParentOrderFills> linear(
      long seed, int parents, double epsilon, double eta, double gamma, double trueSigmaFactor) {
    Random rnd = new Random(seed);
    List<ParentOrderFills> out = new ArrayList<>();
    for (int p = 0; p < parents; p++) {
      Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
      double stated = 0.1 + 0.2 * rnd.nextDouble();
      double sigma = trueSigmaFactor * stated;
      int children = 3 + rnd.nextInt(6);
      List<ChildOrderFill> fills = new ArrayList<>();
      double t = 0;
      double w = 0;
      double prior = 0;
      for (int k = 0; k < children; k++) {
        double gap = k == 0 ? 0 : 0.02 * rnd.nextDouble();
        w += Math.sqrt(gap) * rnd.nextGaussian();
        t += gap;
        double n = 2000 + 18000 * rnd.nextDouble();
        double tau = 0.005 + 0.045 * rnd.nextDouble();
        double increment = Math.sqrt(tau) * rnd.nextGaussian();
        // The time-average of a Brownian increment over tau: half the increment plus an
        // independent part of variance tau / 12 (total variance tau / 3).
        double average = 0.5 * increment + Math.sqrt(tau / 12) * rnd.nextGaussian();
        double impact = epsilon + eta * n / tau + gamma * prior;
        double price = DECISION_PRICE + sigma * (w + average) + side.sign() * impact;
        fills.add(new ChildOrderFill(t, tau, n, price));
        w += increment;
        t += tau;
        prior += n;
      }
      out.add(new ParentOrderFills(side, DECISION_PRICE, stated, fills));
    }
    return out;
  }

  /**
   * Parent orders following {@code cost_bps = y sigma_bps (Q / V)^beta} plus noise of {@code
   * noiseShare} times the predicted cost plus 2 bps.
   */
  static List<ParentOrderCost> squareRoot(
      long seed, int orders, double y, double beta, double noiseShare) {
    Random rnd = new Random(seed);
    List<ParentOrderCost> out = new ArrayList<>();
    for (int i = 0; i < orders; i++) {
      Side side = rnd.nextBoolean() ? Side.BUY : Side.SELL;
      double sigma = 0.01 + 0.05 * rnd.nextDouble();
      double volume = 1e6 * (1 + 9 * rnd.nextDouble());
      double fraction = Math.pow(10, -4 + 3 * rnd.nextDouble());
      double cost = y * 1e4 * sigma * Math.pow(fraction, beta);
      double noisy = cost + (noiseShare * cost + 2) * rnd.nextGaussian();
      double arrival = 20 + 80 * rnd.nextDouble();
      double average = arrival * (1 + side.sign() * noisy / 1e4);
      out.add(new ParentOrderCost(side, fraction * volume, volume, sigma, arrival, average));
    }
    return out;
  }
}
