package dev.tyche.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link PerformanceMetrics}, {@link Descriptive} and {@link Quantiles} against every {@code
 * risk_*.json} file in {@code tyche.reference.dir}: all fields of the {@code perf_*} cases, and the
 * moment and R-quantile fields of the {@code var_*} cases. The VaR, CVaR and backtest fields belong
 * to the risk module's reference test.
 */
class PerformanceMetricsReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Fields of a perf case that are inputs or counts, not metrics. */
  private static final Set<String> PERF_PARAMETERS =
      Set.of("n_returns", "periods_per_year", "rf_per_period", "mar");

  @Test
  void matchesEveryRiskReferenceFile() throws IOException {
    String dirProperty = System.getProperty("tyche.reference.dir");
    assertThat(dirProperty).as("system property tyche.reference.dir").isNotBlank();
    Path dir = Path.of(dirProperty);
    assertThat(dir).as("reference folder %s", dir).isDirectory();
    List<Path> files;
    try (Stream<Path> listing = Files.list(dir)) {
      files =
          listing
              .filter(
                  p ->
                      p.getFileName().toString().startsWith("risk_")
                          && p.getFileName().toString().endsWith(".json"))
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(files).as("risk_*.json files in %s", dir).isNotEmpty();

    List<String> failures = new ArrayList<>();
    int totalPerf = 0;
    for (Path file : files) {
      JsonNode root = JSON.readTree(file.toFile());
      double rel = required(root, "tolerance", file.getFileName()).path("relative").asDouble(-1);
      if (!(rel > 0)) {
        fail("%s: tolerance.relative missing or not positive", file.getFileName());
      }
      Checker check = new Checker(file.getFileName().toString(), rel, failures);
      int perf = 0;
      int var = 0;
      Iterator<Map.Entry<String, JsonNode>> cases = root.path("cases").fields();
      while (cases.hasNext()) {
        Map.Entry<String, JsonNode> c = cases.next();
        if (c.getKey().startsWith("perf_")) {
          checkPerf(check.forCase(c.getKey()), c.getValue());
          perf++;
        } else if (c.getKey().startsWith("var_")) {
          checkVar(check.forCase(c.getKey()), c.getValue());
          var++;
        }
      }
      totalPerf += perf;
      System.out.println(
          "reference "
              + file.getFileName()
              + ": "
              + perf
              + " perf cases, "
              + var
              + " var cases (moments and quantiles)");
    }
    assertThat(totalPerf).as("perf_ cases found in %s", files).isPositive();
    assertThat(failures).as("reference mismatches").isEmpty();
  }

  private static void checkPerf(Checker check, JsonNode c) {
    double[] prices = doubles(required(c.path("input"), "prices", check.where));
    JsonNode expected = required(c, "expected", check.where);
    double ppy = required(expected, "periods_per_year", check.where).asDouble();
    double rf = required(expected, "rf_per_period", check.where).asDouble();
    double mar = required(expected, "mar", check.where).asDouble();

    PerformanceSummary s = PerformanceMetrics.summarize(prices, ppy, rf, mar);
    double[] r = Returns.simple(prices);
    Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String name = f.getKey();
      JsonNode e = f.getValue();
      switch (name) {
        case "n_returns":
          check.exact(name, e.asInt(), s.returnCount());
          break;
        case "periods_per_year":
        case "rf_per_period":
        case "mar":
          break;
        case "mean_return":
          check.close(name, e, s.meanReturn());
          check.close(name + " (Descriptive.mean)", e, Descriptive.mean(r));
          break;
        case "sd_return_ddof1":
          check.close(name, e, s.sdReturn());
          break;
        case "sharpe_per_period":
          check.close(name, e, s.sharpePerPeriod());
          check.close(name + " (sharpeRatio)", e, PerformanceMetrics.sharpeRatio(r, rf));
          break;
        case "sharpe_annualized":
          check.close(name, e, s.sharpeAnnualised());
          check.close(
              name + " (annualisedSharpeRatio)",
              e,
              PerformanceMetrics.annualisedSharpeRatio(r, rf, ppy));
          break;
        case "downside_deviation_full_n":
          check.close(name, e, s.downsideDeviation());
          break;
        case "sortino_per_period":
          check.close(name, e, s.sortinoPerPeriod());
          check.close(name + " (sortinoRatio)", e, PerformanceMetrics.sortinoRatio(r, mar));
          break;
        case "sortino_annualized":
          check.close(name, e, s.sortinoAnnualised());
          check.close(
              name + " (annualisedSortinoRatio)",
              e,
              PerformanceMetrics.annualisedSortinoRatio(r, mar, ppy));
          break;
        case "downside_deviation_negative_only":
          check.close(name, e, s.downsideDeviationNegativeOnly());
          break;
        case "sortino_annualized_negative_only_variant":
          check.close(name, e, s.sortinoAnnualisedNegativeOnly());
          check.close(
              name + " (annualisedSortinoRatioNegativeOnly)",
              e,
              PerformanceMetrics.annualisedSortinoRatioNegativeOnly(r, mar, ppy));
          break;
        case "max_drawdown":
          check.close(name, e, s.maxDrawdown());
          break;
        case "max_drawdown_peak_index":
          check.exact(name, e.asInt(), s.drawdown().peakIndex());
          break;
        case "max_drawdown_trough_index":
          check.exact(name, e.asInt(), s.drawdown().troughIndex());
          break;
        case "max_drawdown_recovery_index":
          check.exact(
              name,
              e.isNull() ? OptionalInt.empty() : OptionalInt.of(e.asInt()),
              s.drawdown().recoveryIndex());
          break;
        case "total_return":
          check.close(name, e, s.totalReturn());
          break;
        case "cagr":
          check.close(name, e, s.cagr());
          check.close(name + " (cagr)", e, PerformanceMetrics.cagr(prices, ppy));
          break;
        case "calmar":
          check.close(name, e, s.calmar());
          check.close(name + " (calmarRatio)", e, PerformanceMetrics.calmarRatio(prices, ppy));
          break;
        case "arithmetic_annual_return":
          check.close(name, e, s.arithmeticAnnualReturn());
          check.close(
              name + " (arithmeticAnnualReturn)",
              e,
              PerformanceMetrics.arithmeticAnnualReturn(r, ppy));
          break;
        case "calmar_arithmetic_variant":
          check.close(name, e, s.calmarArithmetic());
          break;
        default:
          check.uninterpretable(name, e);
      }
    }
  }

  private static void checkVar(Checker check, JsonNode c) {
    double[] r = doubles(required(c.path("input"), "returns", check.where));
    JsonNode expected = required(c, "expected", check.where);
    check.exact("n", required(expected, "n", check.where).asInt(), r.length);
    check.close("mean", required(expected, "mean", check.where), Descriptive.mean(r));
    check.close(
        "sd_sample_ddof1",
        required(expected, "sd_sample_ddof1", check.where),
        Descriptive.sampleStandardDeviation(r));
    check.close(
        "sd_population",
        required(expected, "sd_population", check.where),
        Descriptive.populationStandardDeviation(r));
    check.close(
        "skewness_population_moment",
        required(expected, "skewness_population_moment", check.where),
        Descriptive.populationSkewness(r));
    check.close(
        "excess_kurtosis_population_moment",
        required(expected, "excess_kurtosis_population_moment", check.where),
        Descriptive.populationExcessKurtosis(r));
    JsonNode levels = required(expected, "levels", check.where);
    assertThat(levels.size()).as("%s: levels", check.where).isPositive();
    Iterator<Map.Entry<String, JsonNode>> it = levels.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> level = it.next();
      // The key is the VaR confidence a; the lower-tail probability is p = 1 - a, taken in
      // decimal so that "0.95" gives the double nearest 0.05.
      double p = BigDecimal.ONE.subtract(new BigDecimal(level.getKey())).doubleValue();
      String at = "levels." + level.getKey() + ".";
      JsonNode l = level.getValue();
      check.close(
          at + "R_quantile_type7",
          required(l, "R_quantile_type7", check.where),
          Quantiles.type7(r, p));
      check.close(
          at + "R_quantile_type1",
          required(l, "R_quantile_type1", check.where),
          Quantiles.type1(r, p));
    }
  }

  private static JsonNode required(JsonNode node, String field, Object where) {
    JsonNode v = node.get(field);
    if (v == null || v.isMissingNode()) {
      fail("%s: required field '%s' is missing, so the case cannot be interpreted", where, field);
    }
    return v;
  }

  private static double[] doubles(JsonNode array) {
    assertThat(array.isArray())
        .as("expected a JSON array but got %s", array.getNodeType())
        .isTrue();
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  /** Collects mismatches so that one run reports all of them. */
  private static final class Checker {
    private final String file;
    private final double rel;
    private final List<String> failures;
    final String where;

    Checker(String file, double rel, List<String> failures) {
      this(file, rel, failures, file);
    }

    private Checker(String file, double rel, List<String> failures, String where) {
      this.file = file;
      this.rel = rel;
      this.failures = failures;
      this.where = where;
    }

    Checker forCase(String caseName) {
      return new Checker(file, rel, failures, file + " / " + caseName);
    }

    void close(String field, JsonNode expected, double actual) {
      if (!expected.isNumber()) {
        failures.add(where + " " + field + ": expected a number but was " + expected);
        return;
      }
      double e = expected.asDouble();
      // Relative tolerance from the file; an expected exact zero is compared absolutely.
      double allowed = e == 0.0 ? rel : rel * Math.abs(e);
      if (!(Math.abs(actual - e) <= allowed)) {
        failures.add(
            String.format(
                java.util.Locale.ROOT,
                "%s %s: expected %.17g but was %.17g (relative tolerance %g)",
                where,
                field,
                e,
                actual,
                rel));
      }
    }

    void exact(String field, Object expected, Object actual) {
      if (!expected.equals(actual)) {
        failures.add(where + " " + field + ": expected " + expected + " but was " + actual);
      }
    }

    void uninterpretable(String field, JsonNode value) {
      if (value.isNumber() || value.isNull()) {
        failures.add(where + " " + field + ": unknown expected field " + value + ", not checked");
      }
    }
  }
}
