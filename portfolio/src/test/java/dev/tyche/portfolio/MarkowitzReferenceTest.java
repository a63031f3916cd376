package dev.tyche.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tyche.portfolio.optimize.MeanVarianceOptimizer;
import dev.tyche.portfolio.optimize.PortfolioConstraints;
import dev.tyche.portfolio.optimize.PortfolioResult;
import dev.tyche.risk.covariance.CovarianceEstimators;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks every portfolio case of every {@code markowitz_*} file in {@code tyche.reference.dir}.
 *
 * <p>The file's {@code definitions} fix the case vocabulary, and each case is interpreted from it:
 * the key is {@code <kind>_<constraints>} with kind {@code gmv} (minimise {@code w'Sigma w}),
 * {@code target} (minimise variance at {@code result.target_return_per_period}, which is also
 * recomputed from its definition: GMV-long-only return + 0.5 (max mu - that return)) or {@code
 * tangency} (maximise Sharpe at {@code result.rf_per_period}), and constraints {@code
 * unconstrained} (budget only), {@code long_only} ({@code w >= 0}) or {@code box} ({@code 0 <= w <=
 * result.box_upper}). Inputs are recomputed from {@code input.returns} (column means, T-1
 * covariance) and compared with the file's {@code mean_vector}. Any other kind, constraint set,
 * field or result entry fails the test. {@code result.ledoit_wolf} blocks are checked by risk's
 * {@code CovarianceReferenceTest} and only counted here as delegated.
 *
 * <p>Tolerances from the file: {@code weights_absolute} for weights, {@code port_return_relative}
 * for returns (per period and annualised), {@code port_vol_relative} for volatilities and the
 * Sharpe ratio.
 */
class MarkowitzReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> METADATA =
      Set.of("note", "assets", "n_obs", "n_assets", "quadprog_version");
  private static final Set<String> CASE_IGNORED_PREFIXES =
      Set.of("crosscheck_", "max_abs_diff_", "cvxopt_", "solver_");

  @Test
  void everyMarkowitzPortfolioCaseMatches() throws IOException {
    String prop = System.getProperty("tyche.reference.dir");
    assertThat(prop).as("system property tyche.reference.dir").isNotNull();
    Path dir = Path.of(prop);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().startsWith("markowitz_"))
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(files).as("markowitz_* files in %s", dir).isNotEmpty();
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      int count = checkFile(file, failures);
      System.out.println("reference " + file.getFileName() + ": " + count + " cases");
    }
    assertThat(failures).isEmpty();
  }

  private static int checkFile(Path file, List<String> failures) throws IOException {
    String name = file.getFileName().toString();
    JsonNode root = JSON.readTree(file.toFile());
    JsonNode tol = root.path("tolerance");
    for (String t : List.of("weights_absolute", "port_return_relative", "port_vol_relative")) {
      if (!tol.path(t).isNumber()) {
        failures.add(name + ": tolerance." + t + " missing");
        return 0;
      }
    }
    double wTol = tol.get("weights_absolute").asDouble();
    double rTol = tol.get("port_return_relative").asDouble();
    double vTol = tol.get("port_vol_relative").asDouble();
    double[][] returns = matrix(root.path("input").path("returns"));
    JsonNode res = root.path("result");
    int n = returns[0].length;
    double[] mu = CovarianceEstimators.columnMeans(returns);
    double[][] sigma = CovarianceEstimators.sample(returns, 1);
    double rf = require(res, "rf_per_period", name, failures);
    int periods = (int) require(res, "periods_per_year", name, failures);
    if (res.has("mean_vector")) {
      double[] ref = vector(res.get("mean_vector"));
      for (int i = 0; i < n; i++) {
        close(failures, name + " mean_vector[" + i + "]", mu[i], ref[i], 1e-10, true);
      }
    }
    MeanVarianceOptimizer opt = new MeanVarianceOptimizer(mu, sigma, rf, periods);

    int cases = 0;
    int delegated = 0; // checked by risk's CovarianceReferenceTest
    for (Iterator<Map.Entry<String, JsonNode>> it = res.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (METADATA.contains(key)
          || key.startsWith("sample_cov_ddof")
          || key.equals("mean_vector")
          || key.equals("rf_per_period")
          || key.equals("periods_per_year")
          || key.equals("target_return_per_period")
          || key.equals("box_upper")
          || key.equals("portfolios")) {
        continue;
      }
      if (key.equals("ledoit_wolf")) {
        delegated += e.getValue().size();
        continue;
      }
      failures.add(name + ": unrecognised result entry '" + key + "'");
    }

    JsonNode portfolios = res.path("portfolios");
    if (!portfolios.isObject() || portfolios.isEmpty()) {
      failures.add(name + ": result.portfolios missing or empty");
      return 0;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = portfolios.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String label = name + " " + e.getKey();
      JsonNode c = e.getValue();
      String key = e.getKey();
      int cut = key.indexOf('_');
      if (cut < 0) {
        failures.add(label + ": cannot interpret case key (expected <kind>_<constraints>)");
        continue;
      }
      String kind = key.substring(0, cut);
      String cons = key.substring(cut + 1);
      PortfolioConstraints pc;
      switch (cons) {
        case "unconstrained" -> pc = PortfolioConstraints.unconstrained(n);
        case "long_only" -> pc = PortfolioConstraints.longOnly(n);
        case "box" -> {
          if (!res.path("box_upper").isNumber()) {
            failures.add(label + ": box case without result.box_upper");
            continue;
          }
          pc = PortfolioConstraints.box(n, 0.0, res.get("box_upper").asDouble());
        }
        default -> {
          failures.add(label + ": unknown constraint set '" + cons + "'");
          continue;
        }
      }
      PortfolioResult r;
      switch (kind) {
        case "gmv" -> r = opt.minimumVariance(pc);
        case "tangency" -> r = opt.maximumSharpe(pc);
        case "target" -> {
          double target = require(res, "target_return_per_period", name, failures);
          PortfolioResult gmvLong = opt.minimumVariance(PortfolioConstraints.longOnly(n));
          double maxMu = Double.NEGATIVE_INFINITY;
          for (double m : mu) {
            maxMu = Math.max(maxMu, m);
          }
          double defined = gmvLong.expectedReturn() + 0.5 * (maxMu - gmvLong.expectedReturn());
          close(failures, label + " target definition", defined, target, rTol, true);
          r = opt.minimumVarianceForReturn(target, pc);
        }
        default -> {
          failures.add(label + ": unknown kind '" + kind + "'");
          continue;
        }
      }
      if (!r.isOptimal()) {
        failures.add(label + ": " + r.status() + " " + r.message());
        continue;
      }
      cases++;
      checkCase(label, c, r, wTol, rTol, vTol, failures);
    }
    return cases;
  }

  private static void checkCase(
      String label,
      JsonNode c,
      PortfolioResult r,
      double wTol,
      double rTol,
      double vTol,
      List<String> failures) {
    for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String k = f.getKey();
      JsonNode v = f.getValue();
      switch (k) {
        case "weights" -> {
          double[] ref = vector(v);
          double[] w = r.weights();
          if (ref.length != w.length) {
            failures.add(label + ": weights length " + w.length + " vs " + ref.length);
            break;
          }
          for (int i = 0; i < w.length; i++) {
            close(failures, label + " w[" + i + "]", w[i], ref[i], wTol, false);
          }
        }
        case "port_return_per_period" ->
            close(failures, label + " " + k, r.expectedReturn(), v.asDouble(), rTol, true);
        case "port_vol_per_period" ->
            close(failures, label + " " + k, r.volatility(), v.asDouble(), vTol, true);
        case "port_return_annualized" ->
            close(failures, label + " " + k, r.annualizedReturn(), v.asDouble(), rTol, true);
        case "port_vol_annualized" ->
            close(failures, label + " " + k, r.annualizedVolatility(), v.asDouble(), vTol, true);
        case "sharpe_annualized" ->
            close(failures, label + " " + k, r.annualizedSharpe(), v.asDouble(), rTol + vTol, true);
        default -> {
          boolean ignored = CASE_IGNORED_PREFIXES.stream().anyMatch(k::startsWith);
          if (!ignored) {
            failures.add(label + ": unrecognised field '" + k + "'");
          }
        }
      }
    }
  }

  private static void close(
      List<String> failures,
      String what,
      double actual,
      double expected,
      double tol,
      boolean relative) {
    double bound = relative ? tol * Math.max(Math.abs(expected), 1e-300) : tol;
    if (!(Math.abs(actual - expected) <= bound)) {
      failures.add(
          String.format(
              Locale.ROOT,
              "%s: got %.17g expected %.17g (|diff| %.3g > %.3g)",
              what,
              actual,
              expected,
              Math.abs(actual - expected),
              bound));
    }
  }

  private static double require(JsonNode node, String field, String file, List<String> failures) {
    if (!node.path(field).isNumber()) {
      failures.add(file + ": result." + field + " missing");
      return Double.NaN;
    }
    return node.get(field).asDouble();
  }

  private static double[] vector(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).asDouble();
    }
    return v;
  }

  private static double[][] matrix(JsonNode a) {
    assertThat(a.isArray() && a.size() > 1).as("input.returns matrix").isTrue();
    double[][] m = new double[a.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(a.get(i));
    }
    return m;
  }
}
