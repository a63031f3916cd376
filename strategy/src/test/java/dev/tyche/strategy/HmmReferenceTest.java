package dev.tyche.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tyche.strategy.regime.hmm.ForwardResult;
import dev.tyche.strategy.regime.hmm.GaussianHmm;
import dev.tyche.strategy.regime.hmm.GaussianHmmFitter;
import dev.tyche.strategy.regime.hmm.HmmFit;
import dev.tyche.strategy.regime.hmm.HmmFitOptions;
import dev.tyche.strategy.regime.hmm.InitialDistribution;
import dev.tyche.strategy.regime.hmm.InitialStateFit;
import dev.tyche.strategy.regime.hmm.MarkovChains;
import dev.tyche.strategy.regime.hmm.ViterbiResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks every {@code hmm_tiny*} and {@code msm_*} reference file (see {@code
 * shared/reference/README.md}) against {@link GaussianHmm} and {@link GaussianHmmFitter}.
 *
 * <p>{@code hmm_tiny}: fixed parameters; log-likelihood, Rabiner scale factors, Viterbi path and
 * log joint probability, filtered and smoothed probabilities, each with the file's tolerance.
 *
 * <p>{@code msm_*} (statsmodels {@code MarkovRegression} fits, ergodic initial distribution): first
 * the likelihood, filtered and smoothed probabilities AT the listed parameters (isolates the
 * likelihood definition from the optimiser; the file says these agree to about 1e-9), then a fit
 * with the same K and conventions: its log-likelihood must be at least the reference's minus the
 * tolerance (a higher one is accepted and printed); when both reach the same optimum the parameters
 * and probabilities must match within the file's tolerances.
 */
class HmmReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Tolerance for quantities evaluated at the listed msm parameters: the files' tolerance note says
   * they agree to about 1e-9 (their own cross-check differs by 2e-10 at most).
   */
  private static final double AT_PARAMETERS_PROBABILITY = 1e-8;

  /** Relative tolerance for the log-likelihood at the listed msm parameters. */
  private static final double AT_PARAMETERS_LOGLIK_RELATIVE = 1e-9;

  private static final Set<String> TINY_EXPECTED =
      Set.of(
          "log_likelihood",
          "viterbi_path_zero_based",
          "viterbi_log_joint_probability",
          "smoothed_posterior",
          "filtered",
          "scaled_forward_log_scale_factors",
          "most_likely_state_by_posterior");

  private static final Set<String> MSM_FIT_KEYS =
      Set.of(
          "loglik",
          "means",
          "variances",
          "transition_matrix_row_from_col_to",
          "ergodic_initial_probabilities",
          "expected_durations",
          "smoothed_probabilities_at_index",
          "filtered_probabilities_at_index",
          "smoothed_probabilities_all",
          "filtered_probabilities_all",
          "statsmodels_params_raw",
          "statsmodels_bse_raw",
          "regime_relabelling_applied",
          "crosscheck");

  private static Path referenceDir() {
    String dir = System.getProperty("tyche.reference.dir");
    return dir != null ? Path.of(dir) : Path.of("..", "..", "shared", "reference");
  }

  private static List<Path> files(String prefix) throws IOException {
    try (Stream<Path> s = Files.list(referenceDir())) {
      return s.filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .toList();
    }
  }

  @Test
  void tinyHmmCasesMatchExactly() throws IOException {
    List<Path> files = files("hmm_tiny");
    assertThat(files).as("hmm_tiny* files in " + referenceDir()).isNotEmpty();
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      JsonNode root = JSON.readTree(file.toFile());
      JsonNode tol = root.required("tolerance");
      int n = 0;
      Iterator<Map.Entry<String, JsonNode>> cases = root.required("cases").fields();
      while (cases.hasNext()) {
        Map.Entry<String, JsonNode> c = cases.next();
        checkTiny(file.getFileName() + "/" + c.getKey(), c.getValue(), tol, failures);
        n++;
      }
      System.out.println("reference " + file.getFileName() + ": " + n + " cases");
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " mismatches:\n" + String.join("\n", failures));
    }
  }

  private static void checkTiny(String name, JsonNode c, JsonNode tol, List<String> failures) {
    JsonNode in = c.required("inputs");
    if (!in.required("observations").get(0).isNumber() || !in.required("means").get(0).isNumber()) {
      failures.add(name + ": only univariate tiny cases can be interpreted");
      return;
    }
    double[] x = vector(in.required("observations"));
    GaussianHmm model =
        GaussianHmm.univariate(
            InitialDistribution.given(vector(in.required("pi"))),
            matrix(in.required("A")),
            vector(in.required("means")),
            vector(in.required("variances")));
    double llTol = tol.required("log_likelihood_absolute").asDouble();
    double pTol = tol.required("probabilities_absolute").asDouble();
    double vTol = tol.required("viterbi_log_prob_absolute").asDouble();
    if (!"exact".equals(tol.required("viterbi_path").asText())) {
      failures.add(name + ": unknown viterbi_path tolerance " + tol.get("viterbi_path"));
    }
    ForwardResult fwd = model.forward(x);
    ViterbiResult vit = model.viterbi(x);
    double[][] smoothed = model.smoothedProbabilitiesUsingFutureData(x);
    JsonNode exp = c.required("expected");
    Iterator<String> keys = exp.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!TINY_EXPECTED.contains(key)) {
        failures.add(name + ": cannot interpret expected field " + key);
      }
    }
    close(
        failures,
        name + " log_likelihood",
        fwd.logLikelihood(),
        exp.required("log_likelihood"),
        llTol);
    close(
        failures,
        name + " scale factors",
        fwd.logScaleFactors(),
        vector(exp.required("scaled_forward_log_scale_factors")),
        llTol);
    int[] path = ints(exp.required("viterbi_path_zero_based"));
    if (!java.util.Arrays.equals(path, vit.path())) {
      failures.add(
          name
              + ": viterbi path "
              + java.util.Arrays.toString(vit.path())
              + " != "
              + java.util.Arrays.toString(path));
    }
    close(
        failures,
        name + " viterbi log joint",
        vit.logJointProbability(),
        exp.required("viterbi_log_joint_probability"),
        vTol);
    double[][] filt = matrix(exp.required("filtered"));
    double[][] smooth = matrix(exp.required("smoothed_posterior"));
    int[] argmax = ints(exp.required("most_likely_state_by_posterior"));
    for (int t = 0; t < x.length; t++) {
      close(failures, name + " filtered[" + t + "]", fwd.filtered(t), filt[t], pTol);
      close(failures, name + " smoothed[" + t + "]", smoothed[t], smooth[t], pTol);
      if (argmaxOf(smoothed[t]) != argmax[t]) {
        failures.add(name + ": most likely state at " + t + " differs");
      }
    }
    JsonNode cross = c.get("crosscheck");
    if (cross != null && cross.has("loglik_brute_force")) {
      close(
          failures,
          name + " brute-force log-likelihood",
          fwd.logLikelihood(),
          cross.get("loglik_brute_force"),
          llTol);
    }
  }

  @Test
  void markovSwitchingFitsReachTheReferenceOptimum() throws IOException {
    List<Path> files = files("msm_");
    assertThat(files).as("msm_* files in " + referenceDir()).isNotEmpty();
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      JsonNode root = JSON.readTree(file.toFile());
      String defs = root.required("definitions").asText();
      if (!defs.contains("ERGODIC")) {
        failures.add(file.getFileName() + ": only ergodic-initial fits can be interpreted");
        continue;
      }
      double[] x = vector(root.required("input").required("series"));
      if (root.required("n_obs").asInt() != x.length) {
        failures.add(file.getFileName() + ": n_obs differs from the series length");
      }
      int n = 0;
      Iterator<Map.Entry<String, JsonNode>> fits = root.required("fits").fields();
      while (fits.hasNext()) {
        Map.Entry<String, JsonNode> f = fits.next();
        checkMsm(file.getFileName() + "/" + f.getKey(), x, f.getValue(), root, failures);
        n++;
      }
      System.out.println("reference " + file.getFileName() + ": " + n + " cases");
    }
    if (!failures.isEmpty()) {
      fail(failures.size() + " mismatches:\n" + String.join("\n", failures));
    }
  }

  private static void checkMsm(
      String name, double[] x, JsonNode f, JsonNode root, List<String> failures) {
    Iterator<String> keys = f.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!MSM_FIT_KEYS.contains(key)) {
        failures.add(name + ": cannot interpret field " + key);
      }
    }
    JsonNode tol = root.required("tolerance");
    double llTol = tol.required("loglik_absolute").asDouble();
    double meanTol = tol.required("means_absolute").asDouble();
    double varRel = tol.required("variances_relative").asDouble();
    double aTol = tol.required("transition_probs_absolute").asDouble();
    double pTol = tol.required("probabilities_absolute").asDouble();

    double[] means = vector(f.required("means"));
    double[] variances = vector(f.required("variances"));
    double[][] a = matrix(f.required("transition_matrix_row_from_col_to"));
    int k = means.length;
    double refLl = f.required("loglik").asDouble();
    checkRawParameters(name, f.required("statsmodels_params_raw"), means, variances, a, failures);

    // 1. At the listed parameters: the likelihood definition, exactly.
    GaussianHmm atRef = GaussianHmm.univariate(InitialDistribution.ergodic(), a, means, variances);
    ForwardResult fwd = atRef.forward(x);
    double[][] smooth = atRef.smoothedProbabilitiesUsingFutureData(x);
    close(
        failures,
        name + " loglik at reference parameters",
        fwd.logLikelihood(),
        refLl,
        AT_PARAMETERS_LOGLIK_RELATIVE * Math.max(1.0, Math.abs(refLl)));
    close(
        failures,
        name + " ergodic initial probabilities",
        atRef.initialDistribution(),
        vector(f.required("ergodic_initial_probabilities")),
        AT_PARAMETERS_PROBABILITY);
    double[] durations = MarkovChains.expectedDurations(a);
    double[] refDurations = vector(f.required("expected_durations"));
    for (int s = 0; s < k; s++) {
      // 1 / (1 - A[s][s]) from the same matrix: relative 1e-9 (deterministic formula).
      close(
          failures,
          name + " expected duration " + s,
          durations[s],
          refDurations[s],
          1e-9 * Math.abs(refDurations[s]));
    }
    double[][] filtAll = matrix(f.required("filtered_probabilities_all"));
    double[][] smoothAll = matrix(f.required("smoothed_probabilities_all"));
    double filtErr = 0.0;
    double smoothErr = 0.0;
    for (int t = 0; t < x.length; t++) {
      filtErr = Math.max(filtErr, maxDiff(fwd.filtered(t), filtAll[t]));
      smoothErr = Math.max(smoothErr, maxDiff(smooth[t], smoothAll[t]));
    }
    if (filtErr > AT_PARAMETERS_PROBABILITY || smoothErr > AT_PARAMETERS_PROBABILITY) {
      failures.add(
          String.format(
              Locale.ROOT,
              "%s: at reference parameters max |filtered diff| %.3g, |smoothed diff| %.3g > %.1g",
              name,
              filtErr,
              smoothErr,
              AT_PARAMETERS_PROBABILITY));
    }
    checkAtIndices(name + " at reference", f, fwd, smooth, AT_PARAMETERS_PROBABILITY, failures);
    JsonNode cross = f.get("crosscheck");
    if (cross != null && cross.has("loglik_own_forward_ergodic_init")) {
      close(
          failures,
          name + " crosscheck loglik",
          fwd.logLikelihood(),
          cross.get("loglik_own_forward_ergodic_init"),
          AT_PARAMETERS_LOGLIK_RELATIVE * Math.max(1.0, Math.abs(refLl)));
    }

    // 2. The fit, same K, ergodic initial distribution, states by ascending variance.
    HmmFit fit =
        GaussianHmmFitter.fit(
            x, HmmFitOptions.defaults(k).withInitialState(InitialStateFit.ERGODIC));
    GaussianHmm m = fit.model();
    System.out.printf(
        Locale.ROOT,
        "  %s: K=%d fitted loglik %.10f vs reference %.10f (diff %+.3g), status %s, EM %d, BFGS"
            + " %d, AIC %.4f, BIC %.4f%n",
        name,
        k,
        fit.logLikelihood(),
        refLl,
        fit.logLikelihood() - refLl,
        fit.status(),
        fit.emIterations(),
        fit.polishIterations(),
        fit.aic(),
        fit.bic());
    if (fit.logLikelihood() < refLl - llTol) {
      failures.add(
          name
              + ": fitted loglik "
              + fit.logLikelihood()
              + " < reference "
              + refLl
              + " - "
              + llTol);
      return;
    }
    if (fit.logLikelihood() > refLl + llTol) {
      System.out.println("  " + name + ": accepted a HIGHER optimum than the reference");
      return;
    }
    close(failures, name + " fitted means", m.univariateMeans(), means, meanTol);
    double[] fv = m.univariateVariances();
    for (int s = 0; s < k; s++) {
      if (Math.abs(fv[s] - variances[s]) > varRel * Math.abs(variances[s])) {
        failures.add(name + ": fitted variance " + s + " " + fv[s] + " vs " + variances[s]);
      }
    }
    double[][] fa = m.transitionMatrix();
    for (int i = 0; i < k; i++) {
      close(failures, name + " fitted A row " + i, fa[i], a[i], aTol);
    }
    ForwardResult ff = m.forward(x);
    double[][] fs = m.smoothedProbabilitiesUsingFutureData(x);
    checkAtIndices(name + " at fit", f, ff, fs, pTol, failures);
  }

  private static void checkAtIndices(
      String name,
      JsonNode f,
      ForwardResult fwd,
      double[][] smooth,
      double tol,
      List<String> failures) {
    Iterator<Map.Entry<String, JsonNode>> it =
        f.required("filtered_probabilities_at_index").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      int t = Integer.parseInt(e.getKey());
      close(failures, name + " filtered@" + t, fwd.filtered(t), vector(e.getValue()), tol);
    }
    it = f.required("smoothed_probabilities_at_index").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      int t = Integer.parseInt(e.getKey());
      close(failures, name + " smoothed@" + t, smooth[t], vector(e.getValue()), tol);
    }
  }

  private static final Pattern RAW = Pattern.compile("(p|const|sigma2)\\[(\\d+)(?:->(\\d+))?]");

  /** statsmodels' raw names: p[i->j] = A[i][j], const[k] = mean, sigma2[k] = variance. */
  private static void checkRawParameters(
      String name,
      JsonNode raw,
      double[] means,
      double[] variances,
      double[][] a,
      List<String> failures) {
    Iterator<Map.Entry<String, JsonNode>> it = raw.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      Matcher mt = RAW.matcher(e.getKey());
      if (!mt.matches()) {
        failures.add(name + ": cannot interpret statsmodels parameter " + e.getKey());
        continue;
      }
      int i = Integer.parseInt(mt.group(2));
      double expected =
          switch (mt.group(1)) {
            case "p" -> a[i][Integer.parseInt(mt.group(3))];
            case "const" -> means[i];
            default -> variances[i];
          };
      close(failures, name + " raw " + e.getKey(), e.getValue().asDouble(), expected, 1e-15);
    }
  }

  private static void close(
      List<String> failures, String what, double actual, JsonNode expected, double tol) {
    close(failures, what, actual, expected.asDouble(), tol);
  }

  private static void close(
      List<String> failures, String what, double actual, double expected, double tol) {
    if (!(Math.abs(actual - expected) <= tol)) {
      failures.add(
          String.format(Locale.ROOT, "%s: %.15g vs %.15g (tol %.1g)", what, actual, expected, tol));
    }
  }

  private static void close(
      List<String> failures, String what, double[] actual, double[] expected, double tol) {
    if (actual.length != expected.length) {
      failures.add(what + ": length " + actual.length + " vs " + expected.length);
      return;
    }
    for (int i = 0; i < actual.length; i++) {
      close(failures, what + "[" + i + "]", actual[i], expected[i], tol);
    }
  }

  private static double maxDiff(double[] a, double[] b) {
    double m = 0.0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  private static int argmaxOf(double[] v) {
    int b = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[b]) {
        b = i;
      }
    }
    return b;
  }

  private static double[] vector(JsonNode n) {
    double[] v = new double[n.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = n.get(i).asDouble();
    }
    return v;
  }

  private static int[] ints(JsonNode n) {
    int[] v = new int[n.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = n.get(i).asInt();
    }
    return v;
  }

  private static double[][] matrix(JsonNode n) {
    double[][] m = new double[n.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(n.get(i));
    }
    return m;
  }
}
