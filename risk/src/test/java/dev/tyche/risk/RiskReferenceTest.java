package dev.tyche.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tyche.core.stats.Drawdown;
import dev.tyche.core.stats.PerformanceMetrics;
import dev.tyche.core.stats.PerformanceSummary;
import dev.tyche.risk.backtest.ChristoffersenResult;
import dev.tyche.risk.backtest.ConditionalCoverageResult;
import dev.tyche.risk.backtest.VarBacktests;
import dev.tyche.risk.var.CornishFisherVar;
import dev.tyche.risk.var.HistoricalVarReport;
import dev.tyche.risk.var.SdConvention;
import dev.tyche.risk.var.ValueAtRisk;
import dev.tyche.risk.var.VarEstimate;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Checks every {@code risk_*} reference file in {@code tyche.reference.dir}. Each case family is
 * one method registered in {@link #families} by name prefix; families checked by another module are
 * listed in {@link #DELEGATED}. A case whose name matches neither, a field the test does not know,
 * or an input it cannot read fails the test.
 */
class RiskReferenceTest {

  /** Case families owned elsewhere: counted, not run. Every family is checked here today. */
  private static final List<String> DELEGATED = List.of();

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One case family: reads a case from its own fields and reports every mismatch. */
  @FunctionalInterface
  private interface CaseCheck {
    void check(String name, JsonNode caseNode, Checker checker) throws IOException;
  }

  private final Map<String, CaseCheck> families = new LinkedHashMap<>();

  RiskReferenceTest() {
    families.put("var_", this::checkVarCase);
    families.put("backtest_", this::checkBacktestCase);
    families.put("perf_", this::checkPerfCase);
  }

  @Test
  void everyRiskReferenceCaseMatches() throws IOException {
    Path dir = Path.of(System.getProperty("tyche.reference.dir", "../shared/reference"));
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().startsWith("risk_"))
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(files).as("risk_*.json files in %s", dir).isNotEmpty();
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      JsonNode root = JSON.readTree(file.toFile());
      JsonNode tol = required(root, "tolerance");
      Checker checker =
          new Checker(
              file.getFileName().toString(),
              required(tol, "relative").asDouble(),
              required(tol, "p_values_relative").asDouble(),
              failures);
      int total = 0;
      int delegated = 0;
      Iterator<Map.Entry<String, JsonNode>> cases = required(root, "cases").fields();
      while (cases.hasNext()) {
        Map.Entry<String, JsonNode> c = cases.next();
        total++;
        String name = c.getKey();
        CaseCheck family = familyOf(name);
        if (family != null) {
          family.check(name, c.getValue(), checker.at(name));
        } else if (DELEGATED.stream().anyMatch(name::startsWith)) {
          delegated++;
        } else {
          failures.add(file.getFileName() + ": case " + name + " belongs to no known family");
        }
      }
      System.out.printf(
          Locale.ROOT,
          "reference %s: %d cases%s%n",
          file.getFileName(),
          total,
          delegated == 0 ? "" : " (" + delegated + " delegated)");
    }
    assertThat(failures).as("reference mismatches").isEmpty();
  }

  private CaseCheck familyOf(String name) {
    for (Map.Entry<String, CaseCheck> f : families.entrySet()) {
      if (name.startsWith(f.getKey())) {
        return f.getValue();
      }
    }
    return null;
  }

  // ---- var_: historical, Gaussian and Cornish-Fisher VaR/CVaR --------------------------------

  private void checkVarCase(String name, JsonNode c, Checker checker) throws IOException {
    double[] returns = varReturns(c.path("input"), checker);
    if (returns == null) {
      return;
    }
    // The moments do not depend on the level; any confidence gives the same ones.
    CornishFisherVar moments = ValueAtRisk.cornishFisher(returns, 0.95);
    Map<String, Field> top = new LinkedHashMap<>();
    top.put("n", Field.exact(() -> ValueAtRisk.historicalReport(returns, 0.95).n()));
    top.put("mean", Field.relative(moments::mean));
    top.put("sd_sample_ddof1", Field.relative(moments::sdSample));
    top.put("sd_population", Field.relative(moments::sdPopulation));
    top.put("skewness_population_moment", Field.relative(moments::skewness));
    top.put("excess_kurtosis_population_moment", Field.relative(moments::excessKurtosis));
    JsonNode expected = c.path("expected");
    Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equals("levels")) {
        Iterator<Map.Entry<String, JsonNode>> levels = f.getValue().fields();
        while (levels.hasNext()) {
          Map.Entry<String, JsonNode> level = levels.next();
          double a = Double.parseDouble(level.getKey());
          checker.compareAll("levels." + level.getKey(), level.getValue(), varLevel(returns, a));
        }
      } else {
        checker.compareOne(f.getKey(), f.getValue(), top.get(f.getKey()));
      }
    }
    if (!expected.has("levels")) {
      checker.fail("expected.levels is missing");
    }
  }

  private static Map<String, Field> varLevel(double[] returns, double a) {
    HistoricalVarReport h = ValueAtRisk.historicalReport(returns, a);
    VarEstimate g = ValueAtRisk.gaussian(returns, a);
    CornishFisherVar cf = ValueAtRisk.cornishFisher(returns, a);
    Map<String, Field> m = new LinkedHashMap<>();
    m.put("historical_VaR_type7", Field.relative(h::varType7));
    m.put("historical_VaR_type1", Field.relative(h::varType1));
    m.put("historical_CVaR_worst_k_mean", Field.relative(h::cvarWorstKMean));
    m.put("k_worst", Field.exact(h::kWorst));
    m.put("historical_CVaR_below_type7_quantile", Field.relative(h::cvarBelowType7Quantile));
    m.put("gaussian_VaR", Field.relative(g::var));
    m.put("gaussian_CVaR", Field.relative(g::cvar));
    m.put("z", Field.relative(cf::z));
    m.put("cornish_fisher_z", Field.relative(cf::zCornishFisher));
    m.put(
        "cornish_fisher_VaR_sd_population", Field.relative(() -> cf.var(SdConvention.POPULATION)));
    m.put("cornish_fisher_VaR_sd_sample", Field.relative(() -> cf.var(SdConvention.SAMPLE)));
    m.put("R_quantile_type7", Field.relative(h::quantileType7));
    m.put("R_quantile_type1", Field.relative(h::quantileType1));
    return m;
  }

  /** Inline returns, else the data slice; when both are given they must agree bit for bit. */
  private static double[] varReturns(JsonNode input, Checker checker) throws IOException {
    double[] inline = input.has("returns") ? doubles(input.get("returns")) : null;
    double[] sliced =
        input.has("data_slice") ? sliceReturns(input.get("data_slice"), checker) : null;
    if (inline != null && sliced != null && !java.util.Arrays.equals(inline, sliced)) {
      checker.fail("input.returns differ from the returns computed from input.data_slice");
    }
    double[] r = inline != null ? inline : sliced;
    if (r == null) {
      checker.fail("cannot interpret input: neither returns nor a readable data_slice");
    }
    return r;
  }

  private static double[] sliceReturns(JsonNode slice, Checker checker) throws IOException {
    String transform = slice.path("transform").asText();
    if (!transform.startsWith("r_t = close_t/close_{t-1} - 1")) {
      checker.fail("cannot interpret data_slice.transform: " + transform);
      return null;
    }
    String file = slice.path("file").asText();
    Path data =
        Path.of(System.getProperty("tyche.data.dir", "../shared/data"))
            .resolve(file.substring(file.lastIndexOf('/') + 1));
    int first = required(slice, "first_row").asInt();
    int last = required(slice, "last_row").asInt();
    double[] close = new double[last - first + 1];
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(data)), StandardCharsets.UTF_8))) {
      String[] header = in.readLine().split(",", -1);
      int col = List.of(header).indexOf("close");
      String line;
      int row = 0;
      while ((line = in.readLine()) != null && row < last) {
        row++;
        if (row >= first) {
          close[row - first] = Double.parseDouble(line.split(",", -1)[col]);
        }
      }
      if (row < last) {
        checker.fail("data_slice: " + data + " has only " + row + " rows, wanted " + last);
        return null;
      }
    }
    double[] r = new double[close.length - 1];
    for (int t = 1; t < close.length; t++) {
      r[t - 1] = close[t] / close[t - 1] - 1;
    }
    return r;
  }

  // ---- backtest_: Kupiec and Christoffersen ----------------------------------------------------

  private void checkBacktestCase(String name, JsonNode c, Checker checker) {
    JsonNode input = c.path("input");
    if (!input.has("exceedances") || !input.has("p_expected_rate")) {
      checker.fail("cannot interpret input: needs exceedances and p_expected_rate");
      return;
    }
    JsonNode e = input.get("exceedances");
    boolean[] hits = new boolean[e.size()];
    for (int i = 0; i < hits.length; i++) {
      JsonNode v = e.get(i);
      if (v.isBoolean()) {
        hits[i] = v.asBoolean();
      } else if (v.isIntegralNumber() && (v.asInt() == 0 || v.asInt() == 1)) {
        hits[i] = v.asInt() == 1;
      } else {
        checker.fail("cannot interpret exceedances[" + i + "] = " + v);
        return;
      }
    }
    ConditionalCoverageResult cc =
        VarBacktests.conditionalCoverage(hits, input.get("p_expected_rate").asDouble());
    ChristoffersenResult ind = cc.independence();
    Map<String, Field> top = new LinkedHashMap<>();
    top.put("n", Field.exact(() -> cc.pof().n()));
    top.put("x", Field.exact(() -> cc.pof().exceedances()));
    top.put("LR_POF", Field.relative(() -> cc.pof().lr()));
    top.put("p_value_POF", Field.pValue(() -> cc.pof().pValue()));
    top.put("LR_CC", Field.relative(cc::lr));
    top.put("p_value_CC", Field.pValue(cc::pValue));
    Map<String, Field> chr = new LinkedHashMap<>();
    chr.put("n00", Field.exact(ind::n00));
    chr.put("n01", Field.exact(ind::n01));
    chr.put("n10", Field.exact(ind::n10));
    chr.put("n11", Field.exact(ind::n11));
    chr.put("pi01", Field.relative(ind::pi01));
    chr.put("pi11", Field.relative(ind::pi11));
    chr.put("pi", Field.relative(ind::pi));
    chr.put("LR_ind", Field.relative(ind::lr));
    chr.put("p_value_ind", Field.pValue(ind::pValue));
    Iterator<Map.Entry<String, JsonNode>> it = c.path("expected").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equals("christoffersen")) {
        checker.compareAll("christoffersen", f.getValue(), chr);
      } else {
        checker.compareOne(f.getKey(), f.getValue(), top.get(f.getKey()));
      }
    }
  }

  // ---- perf_: performance ratios and drawdown from core's statistics ---------------------------

  private void checkPerfCase(String name, JsonNode c, Checker checker) {
    JsonNode expected = c.path("expected");
    JsonNode prices = c.path("input").path("prices");
    if (!prices.isArray() || prices.size() < 3) {
      checker.fail("input.prices missing or shorter than 3: cannot interpret");
      return;
    }
    for (String convention : List.of("periods_per_year", "rf_per_period", "mar")) {
      if (!expected.path(convention).isNumber()) {
        checker.fail("expected." + convention + " missing: cannot interpret the conventions");
        return;
      }
    }
    PerformanceSummary s =
        PerformanceMetrics.summarize(
            doubles(prices),
            expected.get("periods_per_year").asDouble(),
            expected.get("rf_per_period").asDouble(),
            expected.get("mar").asDouble());
    Drawdown dd = s.drawdown();
    Map<String, Field> m = new LinkedHashMap<>();
    m.put("n_returns", Field.exact(s::returnCount));
    m.put("periods_per_year", Field.relative(s::periodsPerYear));
    m.put("mean_return", Field.relative(s::meanReturn));
    m.put("sd_return_ddof1", Field.relative(s::sdReturn));
    m.put("sharpe_per_period", Field.relative(s::sharpePerPeriod));
    m.put("sharpe_annualized", Field.relative(s::sharpeAnnualised));
    m.put("downside_deviation_full_n", Field.relative(s::downsideDeviation));
    m.put("sortino_per_period", Field.relative(s::sortinoPerPeriod));
    m.put("sortino_annualized", Field.relative(s::sortinoAnnualised));
    m.put("downside_deviation_negative_only", Field.relative(s::downsideDeviationNegativeOnly));
    m.put(
        "sortino_annualized_negative_only_variant",
        Field.relative(s::sortinoAnnualisedNegativeOnly));
    m.put("max_drawdown", Field.relative(dd::maxDrawdown));
    m.put("max_drawdown_peak_index", Field.exact(dd::peakIndex));
    m.put("max_drawdown_trough_index", Field.exact(dd::troughIndex));
    m.put(
        "max_drawdown_recovery_index",
        new Field(
            Kind.EXACT,
            () -> dd.recoveryIndex().isPresent() ? dd.recoveryIndex().getAsInt() : Double.NaN));
    m.put("total_return", Field.relative(s::totalReturn));
    m.put("cagr", Field.relative(s::cagr));
    m.put("calmar", Field.relative(s::calmar));
    m.put("arithmetic_annual_return", Field.relative(s::arithmeticAnnualReturn));
    m.put("calmar_arithmetic_variant", Field.relative(s::calmarArithmetic));
    // rf and mar are inputs read above; they are compared as the values actually used.
    m.put("rf_per_period", Field.relative(s::rfPerPeriod));
    m.put("mar", Field.relative(s::mar));
    checker.compareAll("", expected, m);
  }

  // ---- plumbing ---------------------------------------------------------------------------------

  private static JsonNode required(JsonNode node, String field) {
    JsonNode v = node.get(field);
    assertThat(v).as("field %s", field).isNotNull();
    return v;
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }

  private enum Kind {
    EXACT,
    RELATIVE,
    P_VALUE
  }

  /** How one expected field is computed and compared. */
  private record Field(Kind kind, DoubleSupplier actual) {
    static Field exact(java.util.function.IntSupplier v) {
      return new Field(Kind.EXACT, () -> v.getAsInt());
    }

    static Field relative(DoubleSupplier v) {
      return new Field(Kind.RELATIVE, v);
    }

    static Field pValue(DoubleSupplier v) {
      return new Field(Kind.P_VALUE, v);
    }
  }

  /** Collects mismatches, each prefixed with the file, case and field path. */
  private record Checker(String where, double relative, double pValueRelative, List<String> out) {

    Checker at(String name) {
      return new Checker(where + " " + name, relative, pValueRelative, out);
    }

    void fail(String message) {
      out.add(where + ": " + message);
    }

    void compareAll(String prefix, JsonNode expected, Map<String, Field> fields) {
      Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        compareOne(prefix + "." + f.getKey(), f.getValue(), fields.get(f.getKey()));
      }
    }

    void compareOne(String path, JsonNode expected, Field field) {
      if (field == null) {
        fail(path + ": unknown expected field, cannot interpret");
        return;
      }
      double actual = field.actual().getAsDouble();
      if (expected.isNull()) {
        if (!Double.isNaN(actual)) {
          fail(path + ": expected null (undefined) but was " + actual);
        }
        return;
      }
      if (!expected.isNumber()) {
        fail(path + ": expected value is not a number: " + expected);
        return;
      }
      double e = expected.asDouble();
      boolean ok =
          switch (field.kind()) {
            case EXACT -> actual == e;
            case RELATIVE -> Math.abs(actual - e) <= relative * Math.abs(e);
            case P_VALUE -> Math.abs(actual - e) <= pValueRelative * Math.abs(e);
          };
      if (!ok) {
        fail(
            String.format(
                Locale.ROOT,
                "%s: expected %.17g but was %.17g (relative error %.3g, kind %s)",
                path,
                e,
                actual,
                Math.abs(actual - e) / Math.abs(e),
                field.kind()));
      }
    }
  }
}
