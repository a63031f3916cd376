package dev.tyche.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tyche.core.order.Side;
import dev.tyche.execution.schedule.AlmgrenChriss;
import dev.tyche.execution.schedule.AlmgrenChrissParameters;
import dev.tyche.execution.schedule.AlmgrenChrissSchedule;
import dev.tyche.execution.schedule.LinearImpact;
import dev.tyche.execution.schedule.ShortfallDistribution;
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
 * Checks every case of every {@code almgren_chriss_*} file in {@code tyche.reference.dir} against
 * {@link AlmgrenChriss}.
 *
 * <p>Each case is built from its own {@code inputs} (quantity {@code X}, horizon {@code T_*},
 * {@code N}, {@code sigma_*}, optional drift {@code alpha_*}, {@code epsilon}, {@code eta}, {@code
 * gamma}, {@code lam}; {@code S0} does not enter the costs). The side is the file's ("Sell program"
 * or "Buy program" in {@code definitions}), unless a case has a {@code side}; a negative {@code X}
 * is the opposite program with signed holdings. Every {@code expected} field is compared with the
 * file's {@code tolerance}: {@code kappa_relative} for the scalars of the model, {@code
 * x_and_n_relative} for times, holdings and trades, {@code E_relative} and {@code V_relative} for
 * the cost moments. {@code internal_checks} are compared too: the eq. (20) and eqs. (10)-(11)
 * closed forms against {@link AlmgrenChriss#closedFormShortfall}, and the eq. (18) trade list
 * (recomputed here from its own formula) against the schedule. {@code numerical_crosscheck}
 * trajectories are compared with the schedule: the linear solve at {@code x_and_n_relative}, the
 * BFGS minimiser at 1e-6 of {@code X} (the file's advice for numerical solutions); the stated
 * maximum differences are the producer's summaries and are not compared. An unknown field, side or
 * regime fails the case.
 */
class AlmgrenChrissReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> CASE_FIELDS =
      Set.of("case_id", "note", "inputs", "expected", "internal_checks", "numerical_crosscheck");
  private static final Set<String> TOLERANCE_FIELDS =
      Set.of("x_and_n_relative", "E_relative", "V_relative", "kappa_relative", "note");
  private static final double NUMERICAL_SOLVER_RELATIVE = 1e-6;

  @Test
  void everyAlmgrenChrissReferenceCaseMatches() throws IOException {
    Path dir = referenceDir();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.filter(p -> p.getFileName().toString().startsWith("almgren_chriss_"))
              .filter(p -> p.getFileName().toString().endsWith(".json"))
              .sorted()
              .toList();
    }
    assertThat(files).as("almgren_chriss_* files in %s", dir).isNotEmpty();
    List<String> failures = new ArrayList<>();
    for (Path file : files) {
      String name = file.getFileName().toString();
      JsonNode root = JSON.readTree(file.toFile());
      Tolerances tol = tolerances(root.path("tolerance"), name, failures);
      Side fileSide = fileSide(root.path("definitions").asText(""));
      if (fileSide == null) {
        failures.add(name + ": definitions name neither a \"Sell program\" nor a \"Buy program\"");
      }
      List<JsonNode> cases = new ArrayList<>();
      root.path("cases").elements().forEachRemaining(cases::add);
      if (cases.isEmpty()) {
        failures.add(name + ": no cases");
      }
      int count = 0;
      for (JsonNode node : cases) {
        String id = name + "/" + node.path("case_id").asText("case " + count);
        Checker c = new Checker(id, failures);
        try {
          checkCase(node, fileSide, tol, c);
        } catch (RuntimeException e) {
          c.fail("cannot be checked: " + e);
        }
        count++;
      }
      System.out.println("reference " + name + ": " + count + " cases");
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

  private record Tolerances(double xn, double e, double v, double kappa) {}

  private static Tolerances tolerances(JsonNode node, String file, List<String> failures) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!TOLERANCE_FIELDS.contains(key)) {
        failures.add(file + ": unknown tolerance " + key);
      }
    }
    double[] t = new double[4];
    String[] keys = {"x_and_n_relative", "E_relative", "V_relative", "kappa_relative"};
    for (int i = 0; i < keys.length; i++) {
      if (!node.path(keys[i]).isNumber()) {
        failures.add(file + ": tolerance " + keys[i] + " missing");
        t[i] = 0;
      } else {
        t[i] = node.path(keys[i]).asDouble();
      }
    }
    return new Tolerances(t[0], t[1], t[2], t[3]);
  }

  private static Side fileSide(String definitions) {
    boolean sell = definitions.contains("Sell program");
    boolean buy = definitions.contains("Buy program");
    if (sell == buy) {
      return null;
    }
    return sell ? Side.SELL : Side.BUY;
  }

  private static Side parseSide(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "sell" -> Side.SELL;
      case "buy" -> Side.BUY;
      default -> throw new IllegalArgumentException("unknown side " + text);
    };
  }

  private static void checkCase(JsonNode node, Side fileSide, Tolerances tol, Checker c) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!CASE_FIELDS.contains(key)) {
        c.fail("unknown case field " + key);
      }
    }
    JsonNode in = node.path("inputs");
    JsonNode expected = node.path("expected");
    if (!in.isObject() || !expected.isObject()) {
      c.fail("case needs an inputs and an expected object");
      return;
    }
    Double quantity = null;
    Double horizon = null;
    Integer intervals = null;
    Double sigma = null;
    double alpha = 0;
    Double epsilon = null;
    Double eta = null;
    Double gamma = null;
    Double lambda = null;
    Side side = fileSide;
    for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (key.equals("X")) {
        quantity = number(v, key);
      } else if (key.equals("S0")) {
        number(v, key); // the costs are relative to X S0, so the level does not enter
      } else if (key.equals("T") || key.startsWith("T_")) {
        horizon = number(v, key);
      } else if (key.equals("N")) {
        double n = number(v, key);
        if (n != Math.rint(n)) {
          throw new IllegalArgumentException("N is not an integer: " + n);
        }
        intervals = (int) n;
      } else if (key.equals("sigma") || key.startsWith("sigma_")) {
        sigma = number(v, key);
      } else if (key.equals("alpha") || key.startsWith("alpha_")) {
        alpha = number(v, key);
      } else if (key.equals("epsilon")) {
        epsilon = number(v, key);
      } else if (key.equals("eta")) {
        eta = number(v, key);
      } else if (key.equals("gamma")) {
        gamma = number(v, key);
      } else if (key.equals("lam") || key.equals("lambda")) {
        lambda = number(v, key);
      } else if (key.equals("side")) {
        side = parseSide(v.asText());
      } else {
        c.fail("unknown input " + key);
        return;
      }
    }
    if (quantity == null
        || horizon == null
        || intervals == null
        || sigma == null
        || epsilon == null
        || eta == null
        || gamma == null
        || lambda == null
        || side == null) {
      c.fail("inputs lack one of X, T, N, sigma, epsilon, eta, gamma, lam or the side");
      return;
    }
    // A negative X is the opposite program written with signed holdings; the cost formulas are
    // the same with x -> -x and alpha -> -alpha, which the opposite side applies.
    double sign = quantity < 0 ? -1 : 1;
    if (quantity < 0) {
      side = side.opposite();
    }
    AlmgrenChrissParameters p =
        new AlmgrenChrissParameters(
            side,
            Math.abs(quantity),
            horizon,
            intervals,
            sigma,
            alpha,
            new LinearImpact(epsilon, eta, gamma));
    AlmgrenChrissSchedule s = AlmgrenChriss.optimalSchedule(p, lambda);
    double xFloor = 1e-12 * Math.abs(quantity);
    double[] x = scaled(s.holdings(), sign);
    double[] n = scaled(s.trades(), sign);

    for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      switch (key) {
        case "tau" -> c.close(key, p.tau(), number(v, key), tol.kappa(), 0);
        case "eta_tilde" -> c.close(key, p.etaTilde(), number(v, key), tol.kappa(), 0);
        case "kappa_tilde_squared" ->
            c.close(
                key, AlmgrenChriss.kappaTildeSquared(p, lambda), number(v, key), tol.kappa(), 0);
        case "kappa" -> c.close(key, s.kappa(), number(v, key), tol.kappa(), 0);
        case "kappa_T" -> c.close(key, s.kappaT(), number(v, key), tol.kappa(), 0);
        case "half_life_theta" -> {
          if (v.isNull()) {
            c.check(key + " is null, so kappa must be 0", s.kappa() == 0);
          } else {
            c.close(key, s.halfLife(), number(v, key), tol.kappa(), 0);
          }
        }
        case "t" -> c.closeAll(key, p.times(), array(v, key), tol.xn(), 1e-12 * horizon);
        case "x" -> c.closeAll(key, x, array(v, key), tol.xn(), xFloor);
        case "n" -> c.closeAll(key, n, array(v, key), tol.xn(), xFloor);
        case "E" -> c.close(key, s.expectedCost(), number(v, key), tol.e(), 0);
        case "V" -> c.close(key, s.variance(), number(v, key), tol.v(), 0);
        case "sqrtV" -> c.close(key, s.shortfall().standardDeviation(), number(v, key), tol.v(), 0);
        case "objective_E_plus_lambda_V" ->
            c.close(key, s.utility(), number(v, key), Math.max(tol.e(), tol.v()), 0);
        case "regime" -> {
          String regime = v.asText();
          if (regime.startsWith("linear")) {
            c.check("regime " + regime + " needs kappa = 0", s.kappa() == 0);
          } else if (regime.equals("hyperbolic")) {
            c.check("regime " + regime + " needs kappa > 0", s.kappa() > 0);
          } else {
            c.fail("unknown regime " + regime);
          }
        }
        default -> c.fail("unknown expected field " + key);
      }
    }

    JsonNode checks = node.path("internal_checks");
    for (Iterator<Map.Entry<String, JsonNode>> it = checks.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      double v = number(e.getValue(), key);
      switch (key) {
        case "check_eq20_E", "check_eq10_E" -> {
          c.check(key + " needs the matching regime", key.contains("20") == (s.kappa() > 0));
          c.close(key, closedForm(p, lambda).mean(), v, tol.e(), 0);
        }
        case "check_eq20_V", "check_eq11_V" -> {
          c.check(key + " needs the matching regime", key.contains("20") == (s.kappa() > 0));
          c.close(key, closedForm(p, lambda).variance(), v, tol.v(), 0);
        }
        case "check_eq18_max_abs_diff_n" -> {
          // eq. (18) trade list n_j = 2 sinh(kappa tau / 2) cosh(kappa (T - t_{j-1/2})) X /
          // sinh(kappa T), evaluated here independently of the library's x_{j-1} - x_j.
          double[] eq18 = eq18Trades(p, s.kappa());
          double max = 0;
          for (int k = 0; k < eq18.length; k++) {
            max = Math.max(max, Math.abs(sign * eq18[k] - n[k]));
          }
          c.check(
              String.format(Locale.ROOT, "eq. (18) trades differ from x_{j-1} - x_j by %s", max),
              max <= tol.xn() * Math.abs(quantity));
        }
        default -> c.fail("unknown internal check " + key);
      }
    }

    JsonNode cross = node.path("numerical_crosscheck");
    for (Iterator<Map.Entry<String, JsonNode>> it = cross.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      switch (key) {
        case "linear_solve_x" -> c.closeAll(key, x, array(e.getValue(), key), tol.xn(), xFloor);
        case "scipy_BFGS_x" ->
            c.closeAll(
                key,
                x,
                array(e.getValue(), key),
                0,
                NUMERICAL_SOLVER_RELATIVE * Math.abs(quantity));
        case "max_abs_diff_closed_vs_scipy_shares", "max_abs_diff_closed_vs_linear_solve_shares" ->
            number(e.getValue(), key);
        default -> c.fail("unknown numerical cross-check " + key);
      }
    }
  }

  private static ShortfallDistribution closedForm(AlmgrenChrissParameters p, double lambda) {
    return AlmgrenChriss.closedFormShortfall(p, lambda);
  }

  private static double[] eq18Trades(AlmgrenChrissParameters p, double kappa) {
    if (p.drift() != 0) {
      throw new IllegalArgumentException("eq. (18) has no drift but alpha = " + p.drift());
    }
    int n = p.intervals();
    double tau = p.tau();
    double[] trades = new double[n];
    for (int j = 1; j <= n; j++) {
      trades[j - 1] =
          kappa == 0
              ? p.quantity() / n
              : 2
                  * Math.sinh(0.5 * kappa * tau)
                  / Math.sinh(kappa * p.horizon())
                  * Math.cosh(kappa * (p.horizon() - (j - 0.5) * tau))
                  * p.quantity();
    }
    return trades;
  }

  private static double[] scaled(double[] a, double sign) {
    double[] out = a.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= sign;
    }
    return out;
  }

  private static double number(JsonNode v, String key) {
    if (!v.isNumber()) {
      throw new IllegalArgumentException(key + " is not a number: " + v);
    }
    return v.asDouble();
  }

  private static double[] array(JsonNode v, String key) {
    if (!v.isArray()) {
      throw new IllegalArgumentException(key + " is not an array: " + v);
    }
    double[] a = new double[v.size()];
    for (int i = 0; i < a.length; i++) {
      a[i] = number(v.get(i), key + "[" + i + "]");
    }
    return a;
  }

  /** Collects failures of one case, with the case's name. */
  private record Checker(String id, List<String> failures) {

    void fail(String what) {
      failures.add(id + ": " + what);
    }

    void check(String what, boolean ok) {
      if (!ok) {
        fail(what);
      }
    }

    /** {@code |actual - expected| <= rel * max(|expected|, floor)}. */
    void close(String key, double actual, double expected, double rel, double floor) {
      double bound = rel * Math.max(Math.abs(expected), floor);
      if (!(Math.abs(actual - expected) <= bound)) {
        fail(
            String.format(
                Locale.ROOT, "%s = %s, expected %s (bound %s)", key, actual, expected, bound));
      }
    }

    void closeAll(String key, double[] actual, double[] expected, double rel, double floor) {
      if (actual.length != expected.length) {
        fail(key + " has " + actual.length + " entries, expected " + expected.length);
        return;
      }
      for (int i = 0; i < actual.length; i++) {
        if (rel == 0) {
          if (!(Math.abs(actual[i] - expected[i]) <= floor)) {
            fail(
                String.format(
                    Locale.ROOT,
                    "%s[%d] = %s, expected %s (absolute bound %s)",
                    key,
                    i,
                    actual[i],
                    expected[i],
                    floor));
          }
        } else {
          close(key + "[" + i + "]", actual[i], expected[i], rel, floor);
        }
      }
    }
  }
}
