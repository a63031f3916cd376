package dev.tyche.portfolio.qp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GoldfarbIdnaniSolverTest {

  /**
   * The example of R's quadprog::solve.QP help page: D = I, d = (0, 5, 0), Amat columns (-4,-3,0),
   * (2,1,0), (0,-2,1), bvec (-8, 2, 0). quadprog prints solution (0.4761905, 1.0476190, 2.0952381),
   * value -2.380952 and Lagrangian (0, 0.2380952, 2.0952381); these are 10/21, 22/21, 44/21, -50/21
   * and (0, 5/21, 44/21) exactly.
   */
  @Test
  void quadprogHelpExample() {
    QuadraticProgram p =
        QuadraticProgram.of(
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[] {0, 5, 0})
            .withInequalities(
                new double[][] {{-4, -3, 0}, {2, 1, 0}, {0, -2, 1}}, new double[] {-8, 2, 0});
    QpResult r = new GoldfarbIdnaniSolver().solve(p);
    assertThat(r.status()).isEqualTo(QpStatus.OPTIMAL);
    assertThat(r.isOptimal()).isTrue();
    assertThat(r.x())
        .containsExactly(new double[] {10.0 / 21, 22.0 / 21, 44.0 / 21}, within(1e-12));
    assertThat(r.objective()).isCloseTo(-50.0 / 21, within(1e-12));
    assertThat(r.multipliers())
        .containsExactly(new double[] {0, 5.0 / 21, 44.0 / 21}, within(1e-12));
    assertThat(r.activeSet()).containsExactlyInAnyOrder(1, 2);
    assertThat(r.ridge()).isZero();
    assertThat(r.iterations()).isPositive();
  }

  @Test
  void unconstrainedMinimumIsDInverseD() {
    double[][] d = {{4, 1}, {1, 3}};
    QpResult r = new GoldfarbIdnaniSolver().solve(QuadraticProgram.of(d, new double[] {1, 2}));
    // D^-1 = 1/11 [[3,-1],[-1,4]] -> x = (1/11, 7/11).
    assertThat(r.x()).containsExactly(new double[] {1.0 / 11, 7.0 / 11}, within(1e-14));
    assertThat(r.iterations()).isZero();
    assertThat(r.activeSet()).isEmpty();
  }

  @Test
  void equalityConstrainedMatchesLagrangeSolution() {
    // min 1/2 (x1^2 + x2^2) s.t. x1 + x2 = 1 -> x = (1/2, 1/2), lambda = 1/2.
    QuadraticProgram p =
        QuadraticProgram.of(new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0})
            .withEqualities(new double[][] {{1, 1}}, new double[] {1});
    QpResult r = new GoldfarbIdnaniSolver().solve(p);
    assertThat(r.x()).containsExactly(new double[] {0.5, 0.5}, within(1e-14));
    assertThat(r.multipliers()).containsExactly(new double[] {0.5}, within(1e-14));
    // Equality entered from above: multiplier is negative.
    QuadraticProgram q =
        QuadraticProgram.of(new double[][] {{1, 0}, {0, 1}}, new double[] {2, 2})
            .withEqualities(new double[][] {{1, 1}}, new double[] {1});
    QpResult s = new GoldfarbIdnaniSolver().solve(q);
    assertThat(s.x()).containsExactly(new double[] {0.5, 0.5}, within(1e-14));
    assertThat(s.multipliers()[0]).isCloseTo(-1.5, within(1e-14));
  }

  @Test
  void inconsistentBoundsAreInfeasible() {
    QuadraticProgram p =
        QuadraticProgram.of(new double[][] {{1}}, new double[] {0})
            .withInequalities(new double[][] {{1}, {-1}}, new double[] {1, 0});
    QpResult r = new GoldfarbIdnaniSolver().solve(p);
    assertThat(r.status()).isEqualTo(QpStatus.INFEASIBLE);
    assertThat(r.isOptimal()).isFalse();
    assertThat(r.message()).contains("inconsistent");
  }

  @Test
  void inconsistentEqualitiesAreInfeasible() {
    QuadraticProgram p =
        QuadraticProgram.of(new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0})
            .withEqualities(new double[][] {{1, 1}, {2, 2}}, new double[] {1, 3});
    assertThat(new GoldfarbIdnaniSolver().solve(p).status()).isEqualTo(QpStatus.INFEASIBLE);
  }

  @Test
  void redundantConstraintsAreHandled() {
    // Same constraint three times, plus a consistent duplicate equality.
    QuadraticProgram p =
        QuadraticProgram.of(new double[][] {{2, 0}, {0, 2}}, new double[] {0, 0})
            .withEqualities(new double[][] {{1, 1}, {2, 2}}, new double[] {1, 2})
            .withInequalities(
                new double[][] {{1, 0}, {1, 0}, {2, 0}}, new double[] {0.8, 0.8, 1.6});
    QpResult r = new GoldfarbIdnaniSolver().solve(p);
    assertThat(r.status()).isEqualTo(QpStatus.OPTIMAL);
    assertThat(r.x()).containsExactly(new double[] {0.8, 0.2}, within(1e-12));
  }

  @Test
  void semidefiniteQuadraticGetsARidgeOrIsRejected() {
    QuadraticProgram p =
        QuadraticProgram.of(new double[][] {{1, 1}, {1, 1}}, new double[] {0, 0})
            .withEqualities(new double[][] {{1, -1}}, new double[] {1});
    QpResult r = new GoldfarbIdnaniSolver().solve(p);
    assertThat(r.status()).isEqualTo(QpStatus.OPTIMAL);
    assertThat(r.ridge()).isCloseTo(GoldfarbIdnaniSolver.RIDGE_FACTOR, within(1e-20));
    // min (x1+x2)^2/2 s.t. x1 - x2 = 1 -> x1 + x2 = 0 -> (0.5, -0.5) (ridge picks the min norm).
    assertThat(r.x()).containsExactly(new double[] {0.5, -0.5}, within(1e-8));
    QpResult strict = new GoldfarbIdnaniSolver(0, false).solve(p);
    assertThat(strict.status()).isEqualTo(QpStatus.NOT_CONVEX);
    assertThat(strict.x()[0]).isNaN();
  }

  @Test
  void indefiniteQuadraticIsNotConvexEvenWithRidge() {
    QuadraticProgram p = QuadraticProgram.of(new double[][] {{1, 0}, {0, -1}}, new double[] {0, 0});
    QpResult r = new GoldfarbIdnaniSolver().solve(p);
    assertThat(r.status()).isEqualTo(QpStatus.NOT_CONVEX);
    assertThat(r.message()).contains("ridge");
  }

  @Test
  void iterationLimitIsReported() {
    QuadraticProgram p =
        QuadraticProgram.of(new double[][] {{1, 0}, {0, 1}}, new double[] {-1, -1})
            .withInequalities(new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0});
    QpResult r = new GoldfarbIdnaniSolver(1, true).solve(p);
    assertThat(r.status()).isEqualTo(QpStatus.ITERATION_LIMIT);
    assertThat(r.iterations()).isEqualTo(1);
    QpResult ok = new GoldfarbIdnaniSolver().solve(p);
    assertThat(ok.x()).containsExactly(new double[] {0, 0}, within(1e-15));
  }

  @Test
  void solverIsReusableAcrossSizes() {
    GoldfarbIdnaniSolver s = new GoldfarbIdnaniSolver();
    QpResult a = s.solve(QuadraticProgram.of(new double[][] {{2}}, new double[] {1}));
    QpResult b = s.solve(QuadraticProgram.of(new double[][] {{1, 0}, {0, 1}}, new double[] {1, 2}));
    QpResult c = s.solve(QuadraticProgram.of(new double[][] {{2}}, new double[] {1}));
    assertThat(a.x()).containsExactly(new double[] {0.5}, within(1e-15));
    assertThat(b.x()).containsExactly(new double[] {1.0, 2.0}, within(1e-15));
    assertThat(c).isEqualTo(a).hasSameHashCodeAs(a);
    assertThat(c.toString()).contains("OPTIMAL");
  }

  @Test
  void badInputIsRejected() {
    double[][] id = {{1, 0}, {0, 1}};
    assertThatThrownBy(() -> QuadraticProgram.of(new double[][] {{1, 2}, {0, 1}}, new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symmetric");
    assertThatThrownBy(() -> QuadraticProgram.of(new double[][] {{Double.NaN}}, new double[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> QuadraticProgram.of(id, new double[] {0, Double.POSITIVE_INFINITY}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("linear");
    assertThatThrownBy(() -> QuadraticProgram.of(id, new double[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> QuadraticProgram.of(id, new double[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("columns");
    assertThatThrownBy(() -> QuadraticProgram.of(new double[][] {{1, 0}}, new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rows");
    assertThatThrownBy(() -> QuadraticProgram.of(null, new double[2]))
        .isInstanceOf(NullPointerException.class);
    QuadraticProgram p = QuadraticProgram.of(id, new double[2]);
    assertThatThrownBy(() -> p.withEqualities(new double[][] {{1, 1}}, new double[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same length");
    assertThatThrownBy(() -> p.withInequalities(new double[][] {{1}}, new double[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 columns");
    assertThatThrownBy(() -> p.withInequalities(new double[][] {null}, new double[1]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> p.objective(new double[3]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GoldfarbIdnaniSolver(-1, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> new GoldfarbIdnaniSolver().solve(null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () ->
                new QpResult(
                    QpStatus.OPTIMAL, new double[1], 0, -1, new int[0], new double[0], 0, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("iterations");
    assertThatThrownBy(
            () ->
                new QpResult(
                    QpStatus.OPTIMAL, new double[1], 0, 0, new int[0], new double[0], -1, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ridge");
  }

  @Test
  void accessorsReturnCopies() {
    QuadraticProgram p =
        QuadraticProgram.of(new double[][] {{1, 0}, {0, 1}}, new double[] {1, 1})
            .withEqualities(new double[][] {{1, 1}}, new double[] {1})
            .withInequalities(new double[][] {{1, 0}}, new double[] {0});
    assertThat(p.variables()).isEqualTo(2);
    assertThat(p.equalityCount()).isEqualTo(1);
    assertThat(p.inequalityCount()).isEqualTo(1);
    p.quadratic()[0][0] = 99;
    p.linear()[0] = 99;
    p.equalityRows()[0][0] = 99;
    p.equalityRhs()[0] = 99;
    p.inequalityRows()[0][0] = 99;
    p.inequalityRhs()[0] = 99;
    assertThat(p.quadratic()[0][0]).isEqualTo(1);
    assertThat(p.linear()[0]).isEqualTo(1);
    assertThat(p.equalityRows()[0][0]).isEqualTo(1);
    assertThat(p.equalityRhs()[0]).isEqualTo(1);
    assertThat(p.inequalityRows()[0][0]).isEqualTo(1);
    assertThat(p.inequalityRhs()[0]).isEqualTo(0);
    assertThat(p.objective(new double[] {1, 0})).isEqualTo(-0.5);
  }
}
