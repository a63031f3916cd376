package dev.tyche.examples.execution;

import dev.tyche.core.data.BarSeries;
import dev.tyche.core.order.Side;
import dev.tyche.core.stats.Returns;
import dev.tyche.examples.support.BundledData;
import dev.tyche.examples.support.TextTable;
import dev.tyche.execution.schedule.AlmgrenChriss;
import dev.tyche.execution.schedule.AlmgrenChrissParameters;
import dev.tyche.execution.schedule.AlmgrenChrissSchedule;
import dev.tyche.execution.schedule.FrontierPoint;
import dev.tyche.execution.schedule.LinearImpact;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Almgren-Chriss (2000, "Optimal execution of portfolio transactions", Journal of Risk 3(2))
 * trade-off between expected cost and risk when selling a large BTCUSDT perpetual position over one
 * day in 24 hourly slices: the optimal schedule at several risk aversions, from the linear (TWAP)
 * schedule at {@code lambda = 0} to front-loaded schedules with short half-lives, and the expected
 * shortfall {@code E}, its standard deviation {@code sqrt(V)} and the 95 % cost quantile {@code E +
 * 1.645 sqrt(V)} (§3.2) of each.
 *
 * <p>Inputs, with time in days and prices in USDT: the price {@code S0} and the volatility are the
 * last close and the sample sd of the last 60 daily simple returns of the bundled bars (absolute
 * volatility {@code sigma = S0 x sd}, USDT per BTC per square root of a day); the position is 2 %
 * of the mean daily volume of those 60 days. The impact coefficients follow the rule of thumb of
 * the paper's numerical example: {@code epsilon} is half the spread plus the taker fee, {@code eta}
 * makes trading at 1 % of daily volume cost one spread per share, and {@code gamma} makes selling
 * 10 % of daily volume move the price by one spread. The spread (1 bp of the price) and fee
 * (Binance VIP 0 taker, 5 bp) are assumptions stated in the output, not measurements; the result
 * illustrates the model, it is not an estimate of what a real liquidation would cost.
 *
 * <p>Immutable and thread-safe (stateless).
 */
public final class AlmgrenChrissFrontierExample {

  /** Days of history used for the volatility and the volume. */
  static final int LOOKBACK = 60;

  /** The position as a fraction of the mean daily volume. */
  static final double PARTICIPATION = 0.02;

  /** The assumed quoted spread, as a fraction of the price. */
  static final double SPREAD = 0.0001;

  /** The taker fee, as a fraction of the notional (Binance USDⓈ-M VIP 0). */
  static final double TAKER_FEE = 0.0005;

  /** Trading intervals in the one-day horizon. */
  static final int INTERVALS = 24;

  /** Half-lives of the front-loaded schedules shown, in hours. */
  static final double[] HALF_LIVES_HOURS = {24, 12, 6, 3, 1};

  /** The standard-normal quantile of the 95 % cost level. */
  static final double Z95 = 1.6448536269514722;

  private AlmgrenChrissFrontierExample() {}

  /**
   * What the example computes.
   *
   * @param price {@code S0}, USDT
   * @param dailySd sample sd of the daily simple returns
   * @param dailyVolume mean daily volume, BTC
   * @param parameters the execution problem
   * @param schedules the optimal schedule at each risk aversion, {@code lambda} increasing
   * @param frontier the efficient frontier at the same risk aversions
   */
  record Result(
      double price,
      double dailySd,
      double dailyVolume,
      AlmgrenChrissParameters parameters,
      List<AlmgrenChrissSchedule> schedules,
      List<FrontierPoint> frontier) {}

  /**
   * Runs the example on the bundled data.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BarSeries btc = BundledData.daily("BTCUSDT");
    Result r = compute(btc);
    print(out, btc, r);
    out.flush();
  }

  /**
   * Builds the problem from the last {@link #LOOKBACK} days and solves it.
   *
   * @param daily daily bars, more than {@link #LOOKBACK}
   * @return the result
   */
  static Result compute(BarSeries daily) {
    int n = daily.size();
    if (n <= LOOKBACK) {
      throw new IllegalArgumentException(
          "need more than " + LOOKBACK + " daily bars but have " + n);
    }
    double[] closes = Arrays.copyOfRange(daily.closes(), n - LOOKBACK - 1, n);
    double[] r = Returns.simple(closes);
    double mean = Arrays.stream(r).average().orElseThrow();
    double ss = 0;
    for (double v : r) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / (r.length - 1));
    double volume = Arrays.stream(daily.volumes(), n - LOOKBACK, n).average().orElseThrow();
    double price = closes[closes.length - 1];

    double spread = SPREAD * price;
    LinearImpact impact =
        new LinearImpact(
            spread / 2 + TAKER_FEE * price, spread / (0.01 * volume), spread / (0.1 * volume));
    AlmgrenChrissParameters p =
        AlmgrenChrissParameters.of(
            Side.SELL, PARTICIPATION * volume, 1.0, INTERVALS, price * sd, impact);

    double[] lambdas = new double[HALF_LIVES_HOURS.length + 1];
    for (int i = 0; i < HALF_LIVES_HOURS.length; i++) {
      lambdas[i + 1] = AlmgrenChriss.riskAversionForHalfLife(p, HALF_LIVES_HOURS[i] / 24.0);
    }
    List<AlmgrenChrissSchedule> schedules = new ArrayList<>();
    for (double lambda : lambdas) {
      schedules.add(AlmgrenChriss.optimalSchedule(p, lambda));
    }
    return new Result(
        price, sd, volume, p, List.copyOf(schedules), AlmgrenChriss.efficientFrontier(p, lambdas));
  }

  private static void print(PrintStream out, BarSeries btc, Result r) {
    AlmgrenChrissParameters p = r.parameters();
    double notional = p.quantity() * r.price();
    out.println("Tyche example: Almgren-Chriss optimal liquidation of a BTCUSDT perpetual long");
    out.printf(
        Locale.ROOT,
        "Inputs from the bundled daily bars up to %s UTC (last %d days):%n",
        Instant.ofEpochMilli(btc.openTime(btc.size() - 1)).toString().substring(0, 10),
        LOOKBACK);
    out.printf(
        Locale.ROOT,
        "  price S0 %.2f USDT, daily sd %.2f %%, mean daily volume %.0f BTC%n",
        r.price(),
        100 * r.dailySd(),
        r.dailyVolume());
    out.printf(
        Locale.ROOT,
        "  sell %.1f BTC (%.0f %% of a day's volume, %.1f million USDT) over 1 day in %d slices%n",
        p.quantity(),
        100 * PARTICIPATION,
        notional / 1e6,
        INTERVALS);
    out.printf(
        Locale.ROOT,
        "Assumed: spread 1 bp, taker fee 5 bp; eta = spread / (1 %% of daily volume),%n"
            + "gamma = spread / (10 %% of daily volume) (the paper's recipe). epsilon %.3f,"
            + " eta %.3e, gamma %.3e.%n",
        p.impact().epsilon(),
        p.impact().eta(),
        p.impact().gamma());
    out.println();
    TextTable t =
        new TextTable(
            "schedule",
            "lambda (1/USDT)",
            "left after 6 h",
            "E (USDT)",
            "E (bp)",
            "sd (USDT)",
            "E+1.645 sd (bp)");
    for (int i = 0; i < r.schedules().size(); i++) {
      AlmgrenChrissSchedule s = r.schedules().get(i);
      FrontierPoint f = r.frontier().get(i);
      String name =
          i == 0
              ? "linear (TWAP)"
              : "half-life " + TextTable.fixed(HALF_LIVES_HOURS[i - 1], 0) + " h";
      t.row(
          name,
          String.format(Locale.ROOT, "%.2e", s.riskAversion()),
          TextTable.pct(s.holdings()[INTERVALS / 4] / p.quantity(), 1),
          String.format(Locale.ROOT, "%,.0f", f.expectedCost()),
          TextTable.fixed(1e4 * f.expectedCost() / notional, 2),
          String.format(Locale.ROOT, "%,.0f", Math.sqrt(f.variance())),
          TextTable.fixed(1e4 * f.shortfall().valueAtRisk(Z95) / notional, 2));
    }
    t.print(out);
    out.println();
    out.println("E is the expected implementation shortfall (positive = cost) and sd its");
    out.println("standard deviation under the model's Gaussian price; bp are of the notional");
    out.println("S0 x quantity. Faster selling lowers the risk and raises the expected cost:");
    out.println("that is the efficient frontier. A model calculation with assumed impact, not a");
    out.println("prediction of real costs.");
  }
}
