package dev.tyche.backtest.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendar-month returns of an equity curve (UTC): month {@code m} returns {@code E(end of m) /
 * E(end of m-1) - 1}, with {@code E(end of m)} the last sample in month {@code m}; the first month
 * is measured from the curve's first sample. Months without a sample are skipped.
 *
 * <p>Immutable and thread-safe.
 *
 * @param months the months, in order
 * @param returns the return of each month, as a fraction
 */
record MonthlyReturns(List<YearMonth> months, double[] returns) {

  static MonthlyReturns of(long[] times, double[] equity) {
    List<YearMonth> months = new ArrayList<>();
    List<Double> rets = new ArrayList<>();
    if (times.length == 0) {
      return new MonthlyReturns(months, new double[0]);
    }
    double base = equity[0];
    YearMonth current = month(times[0]);
    double last = equity[0];
    for (int i = 1; i < times.length; i++) {
      YearMonth m = month(times[i]);
      if (!m.equals(current)) {
        months.add(current);
        rets.add(last / base - 1.0);
        base = last;
        current = m;
      }
      last = equity[i];
    }
    months.add(current);
    rets.add(last / base - 1.0);
    double[] r = new double[rets.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = rets.get(i);
    }
    return new MonthlyReturns(List.copyOf(months), r);
  }

  static YearMonth month(long epochMillis) {
    return YearMonth.from(Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC));
  }
}
