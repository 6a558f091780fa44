package dev.challengesuite.bench.sample;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SeriesTest {

  @Test
  @DisplayName("The summary gives min, median and max of the samples")
  void summary() {
    Series series = new Series("cpu", "%");
    series.add(1, 30);
    series.add(2, 10);
    series.add(3, 20);
    series.add(4, 90);

    Series.Summary summary = series.summary();

    assertThat(summary.min()).isEqualTo(10);
    assertThat(summary.median()).isEqualTo(25);
    assertThat(summary.max()).isEqualTo(90);
    assertThat(summary.samples()).isEqualTo(4);
  }

  @Test
  @DisplayName("Window means average the samples of each 10 s, NaN where there were none")
  void windows() {
    Series series = new Series("cpu", "%");
    series.add(1, 10);
    series.add(9, 30);
    series.add(25, 50);

    assertThat(series.windowMeans(10, 30)).containsExactly(20.0, Double.NaN, 50.0);
  }

  @Test
  @DisplayName("An empty series summarises to no value")
  void empty() {
    assertThat(new Series("x", "u").summary().median()).isNaN();
  }
}
