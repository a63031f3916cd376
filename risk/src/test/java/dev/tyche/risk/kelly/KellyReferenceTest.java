package dev.tyche.risk.kelly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks every case of every {@code kelly*} file in {@code tyche.reference.dir} against this
 * package. Each case is interpreted from its own input fields (p and b: binary; scalar mu, r,
 * sigma: Gaussian; vector mu with Sigma: multi-asset; returns: empirical). Every {@code expected}
 * field must be understood and is compared with the file's tolerance; an unknown input or expected
 * field, or an unknown case form, fails. The {@code crosscheck} blocks (other tools' agreement with
 * the expected values) are not compared.
 */
class KellyReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CONSTRAINED =
      Pattern.compile("f_star_constrained_(-?[0-9.]+)_(-?[0-9.]+)");

  @Test
  void everyKellyReferenceCaseMatches() throws IOException {
    Path dir = referenceDir();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().startsWith("kelly"))
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(files).as("kelly* files in %s", dir).isNotEmpty();
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      JsonNode root = JSON.readTree(file.toFile());
      Tolerances tol = new Tolerances(root.path("tolerance"), file, failures);
      JsonNode cases = root.path("cases");
      int count = 0;
      if (!cases.isObject() || cases.isEmpty()) {
        failures.add(file.getFileName() + ": no \"cases\" object");
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = cases.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Checker c = new Checker(file.getFileName() + "/" + e.getKey(), tol, failures);
        checkCase(e.getValue(), c);
        count++;
      }
      System.out.println("reference " + file.getFileName() + ": " + count + " cases");
    }
    assertThat(failures).isEmpty();
  }

  static Path referenceDir() {
    String dir = System.getProperty("tyche.reference.dir");
    assertThat(dir).as("system property tyche.reference.dir").isNotNull();
    Path path = Path.of(dir);
    assertThat(path).as("tyche.reference.dir").isDirectory();
    return path;
  }

  private static void checkCase(JsonNode node, Checker c) {
    JsonNode in = node.path("inputs");
    JsonNode expected = node.path("expected");
    if (!in.isObject() || !expected.isObject()) {
      c.fail("case needs an inputs and an expected object");
      return;
    }
    if (in.has("p") && in.has("b")) {
      c.onlyInputs(in, Set.of("p", "b", "note"));
      binary(in, expected, c);
    } else if (in.has("returns")) {
      c.onlyInputs(in, Set.of("returns", "note"));
      empirical(in, expected, c);
    } else if (in.path("mu").isArray() && in.has("Sigma") && in.has("r")) {
      c.onlyInputs(in, Set.of("mu", "r", "Sigma", "note"));
      multi(in, expected, c);
    } else if (in.path("mu").isNumber() && in.has("r") && in.has("sigma")) {
      c.onlyInputs(in, Set.of("mu", "r", "sigma", "note"));
      gaussian(in, expected, c);
    } else {
      c.fail("cannot interpret a case with inputs " + fieldNames(in));
    }
  }

  private static void binary(JsonNode in, JsonNode expected, Checker c) {
    double p = in.get("p").asDouble();
    double b = in.get("b").asDouble();
    KellyBet full = BinaryKelly.bet(p, b, KellyConstraints.LONG_ONLY);
    for (String key : fieldNames(expected)) {
      JsonNode v = expected.get(key);
      switch (key) {
        case "f_star_unclipped" -> c.closed(key, full.fullKelly(), v);
        case "f_star_long_only" -> c.closed(key, full.fraction(), v);
        case "growth_at_f_star_long_only" -> c.closed(key, full.growth(), v);
        case "growth_at_unclipped_f_star" -> c.optional(key, full.fullKellyGrowth(), v);
        default -> c.fail("unknown expected field " + key);
      }
    }
  }

  private static void gaussian(JsonNode in, JsonNode expected, Checker c) {
    double mu = in.get("mu").asDouble();
    double r = in.get("r").asDouble();
    double sigma = in.get("sigma").asDouble();
    KellyBet full = GaussianKelly.bet(mu, r, sigma, KellyConstraints.NONE);
    KellyBet half = GaussianKelly.bet(mu, r, sigma, KellyConstraints.NONE.withFraction(0.5));
    for (String key : fieldNames(expected)) {
      JsonNode v = expected.get(key);
      switch (key) {
        case "f_star" -> {
          c.closed(key, full.fullKelly(), v);
          c.closed(key + " (recommended)", full.fraction(), v);
        }
        case "growth_rate_at_f_star" -> c.closed(key, full.growth(), v);
        case "half_kelly" -> c.closed(key, half.fraction(), v);
        case "growth_rate_at_half_kelly" -> c.closed(key, half.growth(), v);
        default -> c.fail("unknown expected field " + key);
      }
    }
  }

  private static void multi(JsonNode in, JsonNode expected, Checker c) {
    double[] mu = vector(in.get("mu"));
    double r = in.get("r").asDouble();
    double[][] sigma = matrix(in.get("Sigma"));
    KellyAllocation a = MultiAssetKelly.allocate(mu, r, sigma, KellyConstraints.NONE);
    for (String key : fieldNames(expected)) {
      JsonNode v = expected.get(key);
      switch (key) {
        case "f_star" -> {
          double[] e = vector(v);
          c.sameLength(key, a.fractions().length, e.length);
          for (int i = 0; i < Math.min(e.length, a.fractions().length); i++) {
            c.closed(key + "[" + i + "]", a.fractions()[i], e[i]);
            c.closed(key + "[" + i + "] (full)", a.fullKelly()[i], e[i]);
          }
        }
        case "sum_f" -> c.closed(key, sum(a.fractions()), v);
        case "growth_rate_at_f_star" -> {
          c.closed(key, a.growth(), v);
          c.closed(key + " (full)", a.fullKellyGrowth(), v);
        }
        default -> c.fail("unknown expected field " + key);
      }
    }
  }

  private static void empirical(JsonNode in, JsonNode expected, Checker c) {
    double[] returns = vector(in.get("returns"));
    KellyBet full = EmpiricalKelly.bet(returns, KellyConstraints.NONE);
    KellyBet constrained = null;
    for (String key : fieldNames(expected)) {
      Matcher m = CONSTRAINED.matcher(key);
      if (m.matches()) {
        double lo = Double.parseDouble(m.group(1));
        double hi = Double.parseDouble(m.group(2));
        KellyConstraints k;
        if (lo == 0.0 && hi > 0.0) {
          k = KellyConstraints.LONG_ONLY.withMaxLeverage(hi);
        } else if (lo == -hi && hi > 0.0) {
          k = KellyConstraints.NONE.withMaxLeverage(hi);
        } else {
          c.fail("cannot express the bounds [" + lo + ", " + hi + "] of " + key);
          continue;
        }
        constrained = EmpiricalKelly.bet(returns, k);
        c.numerical(key, constrained.fraction(), expected.get(key).asDouble());
      }
    }
    for (String key : fieldNames(expected)) {
      JsonNode v = expected.get(key);
      switch (key) {
        case "f_star" -> c.numerical(key, full.fraction(), v.asDouble());
        case "growth_at_f_star" -> c.growth(key, full.growth(), v.asDouble());
        case "feasible_interval" -> {
          double[] e = vector(v);
          double[] a = EmpiricalKelly.admissibleInterval(returns);
          c.sameLength(key, a.length, e.length);
          c.closed(key + "[0]", a[0], e[0]);
          c.closed(key + "[1]", a[1], e[1]);
        }
        case "growth_at_constrained" -> {
          if (constrained == null) {
            c.fail(key + " without an f_star_constrained_<lo>_<hi> field");
          } else {
            c.growth(key, constrained.growth(), v.asDouble());
          }
        }
        case "quadratic_approx_mean_over_mean_square" ->
            c.closed(key, EmpiricalKelly.quadraticApproximation(returns), v);
        default -> {
          if (!CONSTRAINED.matcher(key).matches()) {
            c.fail("unknown expected field " + key);
          }
        }
      }
    }
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static double[] vector(JsonNode node) {
    double[] v = new double[node.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = node.get(i).asDouble();
    }
    return v;
  }

  static double[][] matrix(JsonNode node) {
    double[][] m = new double[node.size()][];
    for (int i = 0; i < m.length; i++) {
      m[i] = vector(node.get(i));
    }
    return m;
  }

  private static double sum(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s;
  }

  /** The file's tolerance block; a missing entry is a failure when it is needed. */
  private static final class Tolerances {
    final double closedRelative;
    final double numericalAbsolute;
    final double growthRelative;

    Tolerances(JsonNode t, Path file, List<String> failures) {
      closedRelative = get(t, "closed_form_relative", file, failures);
      numericalAbsolute = get(t, "numerical_f_star_absolute", file, failures);
      growthRelative = get(t, "growth_relative", file, failures);
    }

    private static double get(JsonNode t, String key, Path file, List<String> failures) {
      if (!t.path(key).isNumber()) {
        failures.add(file.getFileName() + ": tolerance." + key + " missing");
        return Double.NaN;
      }
      return t.get(key).asDouble();
    }
  }

  /** Comparisons that record failures with the case name. */
  private static final class Checker {
    private final String name;
    private final Tolerances tol;
    private final List<String> failures;

    Checker(String name, Tolerances tol, List<String> failures) {
      this.name = name;
      this.tol = tol;
      this.failures = failures;
    }

    void fail(String message) {
      failures.add(name + ": " + message);
    }

    void onlyInputs(JsonNode in, Set<String> allowed) {
      for (String key : fieldNames(in)) {
        if (!allowed.contains(key)) {
          fail("unknown input field " + key);
        }
      }
    }

    void sameLength(String key, int actual, int expected) {
      if (actual != expected) {
        fail(key + ": length " + actual + " but expected " + expected);
      }
    }

    void closed(String key, double actual, JsonNode expected) {
      if (!expected.isNumber()) {
        fail(key + ": expected a number but was " + expected);
        return;
      }
      closed(key, actual, expected.asDouble());
    }

    void closed(String key, double actual, double expected) {
      relative(key, actual, expected, tol.closedRelative);
    }

    void growth(String key, double actual, double expected) {
      relative(key, actual, expected, tol.growthRelative);
    }

    void numerical(String key, double actual, double expected) {
      if (!(Math.abs(actual - expected) <= tol.numericalAbsolute)) {
        fail(
            String.format(
                Locale.ROOT,
                "%s = %s but expected %s (absolute tolerance %s)",
                key,
                actual,
                expected,
                tol.numericalAbsolute));
      }
    }

    void optional(String key, OptionalDouble actual, JsonNode expected) {
      if (expected.isNull()) {
        if (actual.isPresent()) {
          fail(key + ": expected none (null) but was " + actual.getAsDouble());
        }
      } else if (actual.isEmpty()) {
        fail(key + ": expected " + expected + " but was empty");
      } else {
        closed(key, actual.getAsDouble(), expected);
      }
    }

    /** Relative tolerance; against an expected 0 it is used as an absolute bound. */
    private void relative(String key, double actual, double expected, double tolerance) {
      double bound = tolerance * (expected == 0.0 ? 1.0 : Math.abs(expected));
      if (!(Math.abs(actual - expected) <= bound)) {
        fail(
            String.format(
                Locale.ROOT,
                "%s = %s but expected %s (relative tolerance %s)",
                key,
                actual,
                expected,
                tolerance));
      }
    }
  }
}
