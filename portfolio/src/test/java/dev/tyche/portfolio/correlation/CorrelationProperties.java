package dev.tyche.portfolio.correlation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class CorrelationProperties {

  /** A random correlation matrix from a random returns matrix (T = N + 5). */
  private static double[][] randomCorrelation(long seed, int n) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] r = new double[n + 5][n];
    double[] common = new double[n + 5];
    for (int t = 0; t < r.length; t++) {
      common[t] = rng.nextGaussian();
    }
    for (int j = 0; j < n; j++) {
      double beta = rng.nextDouble() * 2 - 0.5;
      for (int t = 0; t < r.length; t++) {
        r[t][j] = beta * common[t] + rng.nextGaussian();
      }
    }
    return RollingCorrelation.of(r, r.length).matrixAt(r.length - 1);
  }

  @Property(tries = 300)
  void cutSizesSumToNAndCountK(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 12) int n,
      @ForAll @IntRange(min = 0, max = 2) int linkageIndex,
      @ForAll @IntRange(min = 1, max = 12) int kRaw) {
    int k = 1 + (kRaw - 1) % n;
    Dendrogram d =
        HierarchicalClustering.cluster(randomCorrelation(seed, n), Linkage.values()[linkageIndex]);
    Clusters c = d.cut(k);
    assertThat(c.count()).isEqualTo(k);
    int sum = 0;
    for (int s : c.sizes()) {
      assertThat(s).isPositive();
      sum += s;
    }
    assertThat(sum).isEqualTo(n);
    assertThat(c.labels()).hasSize(n);
  }

  @Property(tries = 300)
  void heightsAreMonotoneAndLinkagesOrdered(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 12) int n) {
    double[][] c = randomCorrelation(seed, n);
    Dendrogram single = HierarchicalClustering.cluster(c, Linkage.SINGLE);
    Dendrogram average = HierarchicalClustering.cluster(c, Linkage.AVERAGE);
    Dendrogram complete = HierarchicalClustering.cluster(c, Linkage.COMPLETE);
    for (Dendrogram d : new Dendrogram[] {single, average, complete}) {
      for (int k = 1; k < d.merges().size(); k++) {
        assertThat(d.merges().get(k).height())
            .isGreaterThanOrEqualTo(d.merges().get(k - 1).height());
      }
      assertThat(d.merges().get(d.merges().size() - 1).size()).isEqualTo(n);
    }
    // The first merge is the closest pair whatever the linkage; the root height is ordered.
    double rootSingle = single.merges().get(n - 2).height();
    double rootAverage = average.merges().get(n - 2).height();
    double rootComplete = complete.merges().get(n - 2).height();
    assertThat(rootSingle).isLessThanOrEqualTo(rootAverage + 1e-15);
    assertThat(rootAverage).isLessThanOrEqualTo(rootComplete + 1e-15);
  }

  @Property(tries = 100)
  void singleLinkageHeightsSumToTheMinimumSpanningTree(
      @ForAll long seed, @ForAll @IntRange(min = 2, max = 9) int n) {
    // Single-linkage heights are the edges of the minimum spanning tree (Mantegna 1999); check the
    // sum of heights against Prim's algorithm, computed independently here.
    double[][] d = Correlations.mantegnaDistance(randomCorrelation(seed, n));
    boolean[] in = new boolean[n];
    double[] best = new double[n];
    java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
    best[0] = 0;
    double mst = 0;
    for (int step = 0; step < n; step++) {
      int u = -1;
      for (int v = 0; v < n; v++) {
        if (!in[v] && (u < 0 || best[v] < best[u])) {
          u = v;
        }
      }
      in[u] = true;
      mst += best[u];
      for (int v = 0; v < n; v++) {
        if (!in[v]) {
          best[v] = Math.min(best[v], d[u][v]);
        }
      }
    }
    double sum = 0;
    for (Merge m : HierarchicalClustering.fromDistances(d, Linkage.SINGLE).merges()) {
      sum += m.height();
    }
    assertThat(sum).isCloseTo(mst, org.assertj.core.api.Assertions.within(1e-12));
  }
}
