package dev.tyche.portfolio.correlation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.tyche.core.stats.Descriptive;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelationTest {

  private static final double[][] C = {
    {1, 0.8, 0.3, 0.1, -0.2},
    {0.8, 1, 0.4, 0.2, -0.1},
    {0.3, 0.4, 1, 0.6, 0.0},
    {0.1, 0.2, 0.6, 1, 0.3},
    {-0.2, -0.1, 0.0, 0.3, 1}
  };

  @Test
  void rollingMatchesCorePearsonPerWindow() {
    double[][] r = {
      {0.01, 0.02, -0.01},
      {-0.02, -0.01, 0.03},
      {0.03, 0.01, 0.00},
      {0.00, 0.02, -0.02},
      {0.015, -0.005, 0.01},
      {-0.01, 0.0, 0.02}
    };
    RollingCorrelations rc = RollingCorrelation.of(r, 3);
    assertThat(rc.size()).isEqualTo(4);
    assertThat(rc.firstEndIndex()).isEqualTo(2);
    assertThat(rc.lastEndIndex()).isEqualTo(5);
    for (int e = 2; e <= 5; e++) {
      double[][] m = rc.matrixAt(e);
      for (int i = 0; i < 3; i++) {
        assertThat(m[i][i]).isEqualTo(1.0);
        for (int j = 0; j < 3; j++) {
          double[] x = new double[3];
          double[] y = new double[3];
          for (int k = 0; k < 3; k++) {
            x[k] = r[e - 2 + k][i];
            y[k] = r[e - 2 + k][j];
          }
          assertThat(m[i][j]).isCloseTo(Descriptive.correlation(x, y), within(1e-12));
        }
      }
    }
  }

  @Test
  void rollingPerfectAndUndefinedCorrelations() {
    double[][] r = {{1, 2, -1, 5}, {2, 4, -2, 5}, {4, 8, -4, 5}, {3, 6, -3, 7}};
    RollingCorrelations rc = RollingCorrelation.of(r, 3);
    double[][] m = rc.matrixAt(2);
    assertThat(m[0][1]).isEqualTo(1.0);
    assertThat(m[0][2]).isEqualTo(-1.0);
    // Column 3 is constant in rows 0..2: undefined.
    assertThat(m[0][3]).isNaN();
    assertThat(m[3][3]).isNaN();
    assertThat(rc.averagePairwise()[0]).isNaN();
    // In rows 1..3 column 3 moves; 0,1,2 stay perfectly (anti-)correlated.
    double[][] m2 = rc.matrixAt(3);
    assertThat(m2[3][3]).isEqualTo(1.0);
    assertThat(m2[1][2]).isCloseTo(-1.0, within(1e-15));
    assertThatThrownBy(() -> rc.matrixAt(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> rc.matrixAt(4)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void constantColumnIsDetectedEvenWhenTheMeanIsInexact() {
    // 0.1 is not exact in binary; the computed mean of three 0.1s could differ from 0.1.
    double[][] r = {{0.1, 1}, {0.1, 2}, {0.1, 4}};
    assertThat(RollingCorrelation.of(r, 3).matrixAt(2)[0][1]).isNaN();
  }

  @Test
  void averagePairwiseByHand() {
    // Upper triangle: 0.8+0.3+0.1-0.2+0.4+0.2-0.1+0.6+0.0+0.3 = 2.4 over 10 pairs.
    assertThat(Correlations.averagePairwise(C)).isCloseTo(0.24, within(1e-15));
    double[][] r = {{1, 2, 3}, {2, 1, 5}, {3, 3, 4}, {5, 4, 1}};
    RollingCorrelations rc = RollingCorrelation.of(r, 4);
    assertThat(rc.averagePairwise()[0])
        .isCloseTo(Correlations.averagePairwise(rc.matrixAt(3)), within(1e-15));
  }

  @Test
  void mantegnaDistance() {
    double[][] d =
        Correlations.mantegnaDistance(new double[][] {{1, 1, 0}, {1, 1, -1}, {0, -1, 1}});
    assertThat(d[0][1]).isEqualTo(0.0);
    assertThat(d[0][2]).isCloseTo(Math.sqrt(0.5), within(1e-16));
    assertThat(d[1][2]).isEqualTo(1.0);
    assertThat(d[2][2]).isEqualTo(0.0);
  }

  @Test
  void clusteringMatchesScipy() {
    // Reference: scipy 1.17.1, scipy.cluster.hierarchy.linkage(squareform(D), method) with
    // D = sqrt(0.5 (1 - C)).
    assertMerges(
        HierarchicalClustering.cluster(C, Linkage.SINGLE),
        new double[][] {
          {0, 1, 0.3162277660168379, 2},
          {2, 3, 0.4472135954999579, 2},
          {5, 6, 0.5477225575051661, 4},
          {4, 7, 0.5916079783099616, 5}
        });
    assertMerges(
        HierarchicalClustering.cluster(C, Linkage.AVERAGE),
        new double[][] {
          {0, 1, 0.3162277660168379, 2},
          {2, 3, 0.4472135954999579, 2},
          {5, 6, 0.610651615274685, 4},
          {4, 7, 0.7037328193618897, 5}
        });
    assertMerges(
        HierarchicalClustering.cluster(C, Linkage.COMPLETE),
        new double[][] {
          {0, 1, 0.3162277660168379, 2},
          {2, 3, 0.4472135954999579, 2},
          {5, 6, 0.6708203932499369, 4},
          {4, 7, 0.7745966692414834, 5}
        });
  }

  private static void assertMerges(Dendrogram d, double[][] expected) {
    assertThat(d.merges()).hasSize(expected.length);
    for (int k = 0; k < expected.length; k++) {
      Merge m = d.merges().get(k);
      assertThat(m.left()).as("merge %d left", k).isEqualTo((int) expected[k][0]);
      assertThat(m.right()).as("merge %d right", k).isEqualTo((int) expected[k][1]);
      assertThat(m.height()).as("merge %d height", k).isCloseTo(expected[k][2], within(1e-12));
      assertThat(m.size()).as("merge %d size", k).isEqualTo((int) expected[k][3]);
    }
  }

  @Test
  void cutIntoClusters() {
    Dendrogram d = HierarchicalClustering.cluster(C, Linkage.AVERAGE);
    Clusters two = d.cut(2);
    assertThat(two.labels()).containsExactly(0, 0, 0, 0, 1);
    assertThat(two.sizes()).containsExactly(4, 1);
    assertThat(two.members(1)).containsExactly(4);
    Clusters three = d.cut(3);
    assertThat(three.labels()).containsExactly(0, 0, 1, 1, 2);
    assertThat(three.count()).isEqualTo(3);
    assertThat(d.cut(1).sizes()).containsExactly(5);
    assertThat(d.cut(5).labels()).containsExactly(0, 1, 2, 3, 4);
    assertThatThrownBy(() -> d.cut(0)).hasMessageContaining("k must be in [1, 5]");
    assertThatThrownBy(() -> d.cut(6)).hasMessageContaining("k must be in [1, 5]");
    assertThatThrownBy(() -> three.members(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void singleAsset() {
    Dendrogram d = HierarchicalClustering.cluster(new double[][] {{1}}, Linkage.SINGLE);
    assertThat(d.merges()).isEmpty();
    assertThat(d.cut(1).labels()).containsExactly(0);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> RollingCorrelation.of(new double[][] {{1, 2}, {3, 4}}, 3))
        .hasMessageContaining("window must be in [2, 2]");
    assertThatThrownBy(() -> RollingCorrelation.of(new double[][] {{1, 2}, {3, 4}}, 1))
        .hasMessageContaining("window");
    assertThatThrownBy(() -> RollingCorrelation.of(new double[][] {{1, Double.NaN}, {3, 4}}, 2))
        .hasMessageContaining("returns[0][1] must be finite");
    assertThatThrownBy(() -> RollingCorrelation.of(new double[][] {{1, 2}, {3}}, 2))
        .hasMessageContaining("rectangular");
    assertThatThrownBy(() -> RollingCorrelation.of(new double[0][], 2))
        .hasMessageContaining("at least 1 row");
    assertThatThrownBy(() -> RollingCorrelation.of(new double[][] {{}, {}}, 2))
        .hasMessageContaining("at least 1 column");
    assertThatThrownBy(
            () ->
                HierarchicalClustering.cluster(new double[][] {{1, 0.5}, {0.4, 1}}, Linkage.SINGLE))
        .hasMessageContaining("symmetric");
    assertThatThrownBy(
            () ->
                HierarchicalClustering.cluster(new double[][] {{1, 1.5}, {1.5, 1}}, Linkage.SINGLE))
        .hasMessageContaining("[-1, 1]");
    assertThatThrownBy(
            () -> HierarchicalClustering.cluster(new double[][] {{0.9, 0}, {0, 1}}, Linkage.SINGLE))
        .hasMessageContaining("must be 1");
    assertThatThrownBy(
            () ->
                HierarchicalClustering.cluster(
                    new double[][] {{1, Double.NaN}, {Double.NaN, 1}}, Linkage.SINGLE))
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> HierarchicalClustering.cluster(new double[0][], Linkage.SINGLE))
        .hasMessageContaining("empty");
    assertThatThrownBy(
            () -> HierarchicalClustering.cluster(new double[][] {{1, 0}}, Linkage.SINGLE))
        .hasMessageContaining("square");
    assertThatThrownBy(() -> HierarchicalClustering.cluster(C, null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Correlations.averagePairwise(new double[][] {{1}}))
        .hasMessageContaining("at least 2x2");
    assertThatThrownBy(
            () ->
                HierarchicalClustering.fromDistances(
                    new double[][] {{0, -1}, {-1, 0}}, Linkage.SINGLE))
        .hasMessageContaining(">= 0");
    assertThatThrownBy(
            () ->
                HierarchicalClustering.fromDistances(
                    new double[][] {{1, 1}, {1, 0}}, Linkage.SINGLE))
        .hasMessageContaining("must be 0");
    assertThatThrownBy(
            () ->
                HierarchicalClustering.fromDistances(
                    new double[][] {{0, 1}, {2, 0}}, Linkage.SINGLE))
        .hasMessageContaining("symmetric");
    assertThatThrownBy(
            () -> HierarchicalClustering.fromDistances(new double[][] {{0, 1}}, Linkage.SINGLE))
        .hasMessageContaining("square");
  }

  @Test
  void valueTypesValidate() {
    assertThatThrownBy(() -> new Merge(2, 1, 0.1, 2)).hasMessageContaining("left < right");
    assertThatThrownBy(() -> new Merge(0, 1, Double.NaN, 2)).hasMessageContaining("height");
    assertThatThrownBy(() -> new Merge(0, 1, 0.1, 1)).hasMessageContaining("size");
    assertThatThrownBy(() -> new Dendrogram(0, Linkage.SINGLE, List.of()))
        .hasMessageContaining("leafCount");
    assertThatThrownBy(() -> new Dendrogram(3, Linkage.SINGLE, List.of(new Merge(0, 1, 0.1, 2))))
        .hasMessageContaining("2 entries");
    assertThatThrownBy(
            () ->
                new Dendrogram(
                    3, Linkage.SINGLE, List.of(new Merge(0, 1, 0.1, 2), new Merge(0, 2, 0.2, 2))))
        .hasMessageContaining("unmerged");
    assertThatThrownBy(
            () ->
                new Dendrogram(
                    3, Linkage.SINGLE, List.of(new Merge(0, 1, 0.1, 2), new Merge(2, 3, 0.2, 4))))
        .hasMessageContaining("size 3");
    assertThatThrownBy(() -> new Clusters(new int[] {0, 2}, new int[] {1, 1}))
        .hasMessageContaining("labels[1]");
    assertThatThrownBy(() -> new Clusters(new int[] {0, 0}, new int[] {1, 1}))
        .hasMessageContaining("count the labels");
    Clusters c = new Clusters(new int[] {0, 1, 0}, new int[] {2, 1});
    assertThat(c).isEqualTo(new Clusters(new int[] {0, 1, 0}, new int[] {2, 1}));
    assertThat(c.hashCode())
        .isEqualTo(new Clusters(new int[] {0, 1, 0}, new int[] {2, 1}).hashCode());
    assertThat(c.toString()).contains("sizes=[2, 1]");
    assertThatThrownBy(() -> new RollingCorrelations(1, new double[][][] {{{1}}}))
        .hasMessageContaining("window");
    assertThatThrownBy(() -> new RollingCorrelations(2, new double[0][][]))
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> new RollingCorrelations(2, new double[][][] {{{1}}, {{1, 0}, {0, 1}}}))
        .hasMessageContaining("1x1");
    assertThatThrownBy(() -> new RollingCorrelations(2, new double[][][] {{{1, 0}, {0}}}))
        .hasMessageContaining("square");
    RollingCorrelations rc = new RollingCorrelations(2, new double[][][] {{{1}}});
    assertThat(rc).isEqualTo(new RollingCorrelations(2, new double[][][] {{{1}}}));
    assertThat(rc.hashCode())
        .isEqualTo(new RollingCorrelations(2, new double[][][] {{{1}}}).hashCode());
    assertThat(rc.toString()).contains("window=2");
    assertThat(rc.matrices()[0][0][0]).isEqualTo(1.0);
    assertThatThrownBy(rc::averagePairwise).hasMessageContaining("at least 2 assets");
  }
}
