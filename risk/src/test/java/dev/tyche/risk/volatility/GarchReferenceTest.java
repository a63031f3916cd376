package dev.tyche.risk.volatility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Checks every case of every {@code garch_*} reference file (R fGarch 4022.89 and tseries 0.10-53
 * fits; see {@code shared/reference/README.md}) against {@link GarchModel}.
 *
 * <p>For each parameter block of a case it checks the fixed-parameter quantities (log-likelihood,
 * conditional variances, forecasts, GJR reparametrisation evaluated AT the listed parameters),
 * which isolates the likelihood definition from the optimiser, and then fits the model and compares
 * estimates, log-likelihood, standard errors, forecasts and conditional variances with the
 * tolerances of the file's {@code tolerance} block. A fit with a higher log-likelihood than the
 * reference is accepted and reported.
 */
class GarchReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Keys of a case that hold no expected value to check. */
  private static final Set<String> DESCRIPTIVE = Set.of("note", "convention", "start");

  private static Path referenceDir() {
    String dir = System.getProperty("tyche.reference.dir");
    return dir != null ? Path.of(dir) : Path.of("..", "..", "shared", "reference");
  }

  @Test
  void everyCaseOfEveryGarchFileMatches() throws IOException {
    Path dir = referenceDir();
    assertThat(dir).as("reference folder (tyche.reference.dir)").isDirectory();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().startsWith("garch_"))
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(files).as("garch_* files in " + dir).isNotEmpty();
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      JsonNode root = JSON.readTree(file.toFile());
      FileContext ctx = new FileContext(file.getFileName().toString(), root, failures);
      int n = 0;
      Iterator<Map.Entry<String, JsonNode>> cases = root.required("cases").fields();
      while (cases.hasNext()) {
        Map.Entry<String, JsonNode> c = cases.next();
        ctx.checkCase(c.getKey(), c.getValue());
        n++;
      }
      System.out.println("reference " + ctx.fileName + ": " + n + " cases");
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " reference mismatches:\n" + String.join("\n", failures));
    }
  }

  /** Everything that belongs to one file: inputs, definitions, tolerances, failure sink. */
  private static final class FileContext {
    final String fileName;
    final double[] series;
    final double paramsAbs;
    final double paramsRel;
    final double loglikAbs;
    final double atParamsRel;
    final double forecastRel;
    final double seRel;
    final VarianceStartUp fileStartUp;
    final List<String> failures;
    String where = "";

    FileContext(String fileName, JsonNode root, List<String> failures) throws IOException {
      this.fileName = fileName;
      this.failures = failures;
      JsonNode tol = root.required("tolerance");
      paramsAbs = tol.required("params_absolute").asDouble();
      paramsRel = tol.required("params_relative").asDouble();
      loglikAbs = tol.required("loglik_absolute").asDouble();
      atParamsRel = tol.required("loglik_at_given_params_relative").asDouble();
      forecastRel = tol.required("variance_forecast_relative").asDouble();
      seRel = tol.required("std_errors_relative").asDouble();
      series = readSeries(root);
      String init = root.required("definitions").required("initialisation").asText();
      if (!init.contains("init.rec='mci'")) {
        throw new AssertionError(fileName + ": cannot interpret initialisation: " + init);
      }
      fileStartUp = VarianceStartUp.FGARCH_MCI;
    }

    private double[] readSeries(JsonNode root) throws IOException {
      JsonNode input = root.required("input");
      double[] x = doubles(input.required("series"));
      assertThat(x.length).as(fileName + " n_obs").isEqualTo(root.required("n_obs").asInt());
      if (input.has("data_slice")) {
        double[] fromFile = readSlice(input.required("data_slice"));
        assertThat(fromFile.length).as(fileName + " data_slice length").isEqualTo(x.length);
        for (int i = 0; i < x.length; i++) {
          if (Math.abs(fromFile[i] - x[i]) > 1e-9 * Math.max(1, Math.abs(x[i]))) {
            throw new AssertionError(
                fileName + ": data_slice row " + i + " gives " + fromFile[i] + " not " + x[i]);
          }
        }
      }
      return x;
    }

    /** Rebuilds the series from the data file the slice names (percent log returns of close). */
    private double[] readSlice(JsonNode slice) throws IOException {
      String transform = slice.required("transform").asText();
      if (!transform.contains("100 * ln(close_t / close_{t-1})")) {
        throw new AssertionError(fileName + ": cannot interpret transform " + transform);
      }
      String dataDir = System.getProperty("tyche.data.dir");
      Path dataPath =
          (dataDir != null ? Path.of(dataDir) : Path.of("..", "..", "shared", "data"))
              .resolve(Path.of(slice.required("file").asText()).getFileName());
      int first = slice.required("first_row").asInt();
      int last = slice.required("last_row").asInt();
      List<Double> closes = new ArrayList<>();
      try (InputStream in = new GZIPInputStream(Files.newInputStream(dataPath));
          BufferedReader r =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        String[] header = r.readLine().split(",", -1);
        int closeCol = List.of(header).indexOf("close");
        String line;
        int row = 0;
        while ((line = r.readLine()) != null) {
          row++;
          if (row >= first && row <= last) {
            closes.add(Double.parseDouble(line.split(",", -1)[closeCol]));
          }
        }
      }
      double[] x = new double[closes.size() - 1];
      for (int i = 1; i < closes.size(); i++) {
        x[i - 1] = 100 * Math.log(closes.get(i) / closes.get(i - 1));
      }
      return x;
    }

    void checkCase(String name, JsonNode c) {
      String model = c.required("model").asText();
      if (model.equals("garch") || model.equals("gjr")) {
        checkFgarchCase(name, c, model.equals("gjr"));
      } else if (model.toLowerCase(Locale.ROOT).contains("zero-mean")
          && model.contains("GARCH(1,1)")
          && model.contains("normal")) {
        checkCrossCheckCase(name, c);
      } else {
        failures.add(fileName + "/" + name + ": cannot interpret model '" + model + "'");
      }
    }

    private void checkFgarchCase(String name, JsonNode c, boolean gjr) {
      Innovations innovations = innovations(c.required("innovations").asText());
      if (innovations == null) {
        failures.add(fileName + "/" + name + ": unknown innovations " + c.get("innovations"));
        return;
      }
      JsonNode fg = c.required("fgarch");
      MeanEquation mean =
          fg.required("params").has("mu") ? MeanEquation.CONSTANT : MeanEquation.ZERO;
      GarchSpec spec =
          new GarchSpec(
              mean, gjr ? VarianceEquation.GJR : VarianceEquation.GARCH, innovations, fileStartUp);
      JsonNode refined = c.required("refined_independent");
      for (Iterator<String> it = c.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!Set.of(
                "model", "innovations", "fgarch", "refined_independent", "gjr_reparametrisation")
            .contains(key)) {
          failures.add(fileName + "/" + name + ": cannot interpret field " + key);
        }
      }
      GarchModel m = GarchModel.of(spec);
      where = fileName + "/" + name + "/fgarch";
      checkAtParams(m, spec, fg);
      where = fileName + "/" + name + "/refined_independent";
      checkAtParams(m, spec, refined);
      JsonNode reparam = c.get("gjr_reparametrisation");
      if (reparam != null) {
        where = fileName + "/" + name + "/gjr_reparametrisation";
        GarchParameters pf = params(spec, fg.required("params"));
        GarchParameters pr = params(spec, refined.required("params"));
        rel("fgarch_a_gjr at params", pf.gjrAlpha(), reparam.required("fgarch_a_gjr"), atParamsRel);
        rel("fgarch_g_gjr at params", pf.gjrGamma(), reparam.required("fgarch_g_gjr"), atParamsRel);
        rel(
            "refined_a_gjr at params",
            pr.gjrAlpha(),
            reparam.required("refined_a_gjr"),
            atParamsRel);
        rel(
            "refined_g_gjr at params",
            pr.gjrGamma(),
            reparam.required("refined_g_gjr"),
            atParamsRel);
      }

      GarchFit fit = m.fit(series);
      where = fileName + "/" + name + " fit";
      checkStatus(fit);
      double refLl = refined.required("loglik").asDouble();
      if (fit.logLikelihood() > refLl + loglikAbs) {
        System.out.printf(
            Locale.ROOT,
            "%s: fit found a higher log-likelihood %.10f than the reference %.10f; accepted%n",
            where,
            fit.logLikelihood(),
            refLl);
        return;
      }
      abs("loglik vs refined", fit.logLikelihood(), refLl, loglikAbs);
      abs("loglik vs fgarch", fit.logLikelihood(), fg.required("loglik").asDouble(), loglikAbs);
      compareFit(fit, fg, "fgarch");
      compareFit(fit, refined, "refined_independent");
      if (reparam != null) {
        param("a_gjr vs refined", fit.parameters().gjrAlpha(), reparam.required("refined_a_gjr"));
        param("g_gjr vs refined", fit.parameters().gjrGamma(), reparam.required("refined_g_gjr"));
      }
    }

    private void checkCrossCheckCase(String name, JsonNode c) {
      List<GarchFit> fits = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("model") || DESCRIPTIVE.contains(e.getKey())) {
          continue;
        }
        JsonNode block = e.getValue();
        where = fileName + "/" + name + "/" + e.getKey();
        VarianceStartUp startUp = startUpFromConvention(block.path("convention").asText());
        if (startUp == null) {
          failures.add(where + ": cannot interpret convention " + block.get("convention"));
          continue;
        }
        GarchSpec spec =
            new GarchSpec(
                block.required("params").has("mu") ? MeanEquation.CONSTANT : MeanEquation.ZERO,
                VarianceEquation.GARCH,
                Innovations.NORMAL,
                startUp);
        GarchModel m = GarchModel.of(spec);
        checkAtParams(m, spec, block);
        if (block.has("default_start_result")) {
          checkAtParams(m, spec, block.required("default_start_result"));
        }
        GarchFit fit = m.fit(series);
        where = where + " fit";
        checkStatus(fit);
        fits.add(fit);
        double refLl =
            block.has("refined_loglik")
                ? block.required("refined_loglik").asDouble()
                : block.required("loglik").asDouble();
        if (fit.logLikelihood() > refLl + loglikAbs) {
          System.out.printf(
              Locale.ROOT,
              "%s: fit found a higher log-likelihood %.10f than the reference %.10f; accepted%n",
              where,
              fit.logLikelihood(),
              refLl);
          continue;
        }
        abs("loglik vs refined_loglik", fit.logLikelihood(), refLl, loglikAbs);
        abs(
            "loglik vs loglik",
            fit.logLikelihood(),
            block.required("loglik").asDouble(),
            loglikAbs);
        compareFit(fit, block, e.getKey());
        if (block.has("refined_params")) {
          compareParams(fit, block.required("refined_params"), "refined_params");
        }
      }
      if (fits.size() == 2) {
        // The README: the two start-ups give estimates that agree to roughly 1e-3 absolute.
        where = fileName + "/" + name + " fGarch vs tseries";
        double[] a = fits.get(0).parameters().toVector(fits.get(0).spec());
        double[] b = fits.get(1).parameters().toVector(fits.get(1).spec());
        for (int i = 0; i < a.length; i++) {
          abs("parameter " + i + " across start-ups", a[i], b[i], 1e-3);
        }
      } else {
        failures.add(
            fileName + "/" + name + ": expected two parameter blocks, found " + fits.size());
      }
    }

    /** Fixed-parameter checks: evaluate at the block's parameters, compare tightly. */
    private void checkAtParams(GarchModel m, GarchSpec spec, JsonNode block) {
      for (Iterator<String> it = block.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!KNOWN_BLOCK_KEYS.contains(key) && !DESCRIPTIVE.contains(key)) {
          failures.add(where + ": cannot interpret field " + key);
        }
      }
      GarchParameters p = params(spec, block.required("params"));
      double ll = m.logLikelihood(series, p);
      rel("loglik at params", ll, block.required("loglik"), atParamsRel);
      if (block.has("loglik_recomputed_by_independent_code_at_these_params")) {
        rel(
            "independent loglik at params",
            ll,
            block.required("loglik_recomputed_by_independent_code_at_these_params"),
            atParamsRel);
      }
      if (block.has("conditional_variance_at_index")) {
        double[] h = m.conditionalVariances(series, p);
        for (Iterator<Map.Entry<String, JsonNode>> it =
                block.required("conditional_variance_at_index").fields();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          int t = index(e.getKey());
          rel("h_" + e.getKey() + " at params", h[t - 1], e.getValue(), atParamsRel);
        }
      }
      for (String key :
          List.of("variance_forecast_h1_to_h10", "variance_forecast_recomputed_from_params")) {
        if (block.has(key)) {
          double[] expected = doubles(block.required(key));
          double[] f = m.varianceForecast(series, p, expected.length);
          for (int i = 0; i < expected.length; i++) {
            relD(key + "[" + i + "] at params", f[i], expected[i], atParamsRel);
          }
        }
      }
      if (block.has("mean_forecast")) {
        rel("mean_forecast", p.mu(), block.required("mean_forecast"), atParamsRel);
      }
    }

    /** Compares a fit with a reference block (estimates, SEs, forecasts, variances). */
    private void compareFit(GarchFit fit, JsonNode block, String label) {
      compareParams(fit, block.required("params"), label + ".params");
      if (block.has("std_errors_hessian")) {
        compareSe(fit.standardErrors(), block.required("std_errors_hessian"), label + " hessian");
      }
      if (block.has("std_errors_robust_qml")) {
        compareSe(
            fit.robustStandardErrors(), block.required("std_errors_robust_qml"), label + " qml");
      }
      if (block.has("std_errors_opg")) {
        compareSe(fit.opgStandardErrors(), block.required("std_errors_opg"), label + " opg");
      }
      if (block.has("variance_forecast_h1_to_h10")) {
        double[] expected = doubles(block.required("variance_forecast_h1_to_h10"));
        double[] f = fit.varianceForecast(expected.length);
        for (int i = 0; i < expected.length; i++) {
          relD(label + " forecast[" + i + "]", f[i], expected[i], forecastRel);
        }
      }
      if (block.has("conditional_variance_at_index")) {
        double[] h = fit.conditionalVariances();
        for (Iterator<Map.Entry<String, JsonNode>> it =
                block.required("conditional_variance_at_index").fields();
            it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          rel(label + " h_" + e.getKey(), h[index(e.getKey()) - 1], e.getValue(), forecastRel);
        }
      }
    }

    private void compareParams(GarchFit fit, JsonNode params, String label) {
      List<String> names = fit.spec().parameterNames();
      double[] v = fit.parameters().toVector(fit.spec());
      for (Iterator<String> it = params.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        int i = names.indexOf(key);
        if (i < 0) {
          failures.add(where + ": " + label + " has parameter " + key + " the model lacks");
          continue;
        }
        param(label + "." + key, v[i], params.required(key));
      }
      assertThat(params.size()).as(where + " " + label + " size").isEqualTo(names.size());
    }

    private void compareSe(GarchStandardErrors se, JsonNode ref, String label) {
      for (Iterator<Map.Entry<String, JsonNode>> it = ref.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        rel(label + " se." + e.getKey(), se.get(e.getKey()), e.getValue(), seRel);
      }
    }

    private void checkStatus(GarchFit fit) {
      System.out.printf(
          Locale.ROOT,
          "  %s: loglik %.10f, %s, persistence %.6f, %d starts, %d iterations, |grad| %.2e%n",
          where,
          fit.logLikelihood(),
          fit.status(),
          fit.persistence(),
          fit.starts(),
          fit.iterations(),
          fit.gradientNorm());
      GarchFitStatus expected =
          fit.persistence() >= 1 ? GarchFitStatus.NON_STATIONARY : GarchFitStatus.CONVERGED;
      if (fit.status() != expected) {
        failures.add(where + ": status " + fit.status() + " (" + fit.statusDetail() + ")");
      }
    }

    private static VarianceStartUp startUpFromConvention(String convention) {
      String c = convention.replace(" ", "");
      if (c.contains("h_1=omega+(alpha1+beta1)*mean(x^2)") && c.contains("t=1..N")) {
        return VarianceStartUp.FGARCH_MCI;
      }
      if (c.contains("h_1=mean(x^2)") && c.contains("t=2..N")) {
        return VarianceStartUp.TSERIES;
      }
      return null;
    }

    private static Innovations innovations(String s) {
      switch (s) {
        case "norm":
          return Innovations.NORMAL;
        case "std":
          return Innovations.STUDENT_T;
        default:
          return null;
      }
    }

    private void param(String what, double actual, JsonNode expected) {
      double e = expected.asDouble();
      double d = Math.abs(actual - e);
      if (!(d <= paramsAbs || d <= paramsRel * Math.abs(e))) {
        failures.add(
            String.format(
                Locale.ROOT,
                "%s: %s = %.12g, expected %.12g (|diff| %.3g)",
                where,
                what,
                actual,
                e,
                d));
      }
    }

    private void abs(String what, double actual, double expected, double tol) {
      if (!(Math.abs(actual - expected) <= tol)) {
        failures.add(
            String.format(
                Locale.ROOT,
                "%s: %s = %.12g, expected %.12g (|diff| %.3g > %.3g)",
                where,
                what,
                actual,
                expected,
                Math.abs(actual - expected),
                tol));
      }
    }

    private void rel(String what, double actual, JsonNode expected, double tol) {
      relD(what, actual, expected.asDouble(), tol);
    }

    private void relD(String what, double actual, double expected, double tol) {
      double r = Math.abs(actual - expected) / Math.abs(expected);
      if (!(r <= tol)) {
        failures.add(
            String.format(
                Locale.ROOT,
                "%s: %s = %.12g, expected %.12g (rel diff %.3g > %.3g)",
                where,
                what,
                actual,
                expected,
                r,
                tol));
      }
    }
  }

  private static final Set<String> KNOWN_BLOCK_KEYS =
      Set.of(
          "params",
          "std_errors_hessian",
          "std_errors_robust_qml",
          "std_errors_opg",
          "loglik",
          "loglik_recomputed_by_independent_code_at_these_params",
          "variance_forecast_h1_to_h10",
          "variance_forecast_recomputed_from_params",
          "mean_forecast",
          "conditional_variance_at_index",
          "refined_params",
          "refined_loglik",
          "default_start_result");

  private static GarchParameters params(GarchSpec spec, JsonNode p) {
    for (Iterator<String> it = p.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!spec.parameterNames().contains(key)) {
        throw new AssertionError("parameter " + key + " does not belong to " + spec);
      }
    }
    double[] v = new double[spec.parameterCount()];
    List<String> names = spec.parameterNames();
    for (int i = 0; i < v.length; i++) {
      v[i] = p.required(names.get(i)).asDouble();
    }
    return GarchParameters.fromVector(spec, v);
  }

  private static int index(String key) {
    if (!key.matches("t[0-9]+")) {
      throw new AssertionError("cannot interpret index key " + key);
    }
    return Integer.parseInt(key.substring(1));
  }

  private static double[] doubles(JsonNode array) {
    double[] out = new double[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asDouble();
    }
    return out;
  }
}
