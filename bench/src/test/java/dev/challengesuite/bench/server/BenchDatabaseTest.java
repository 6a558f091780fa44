package dev.challengesuite.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BenchDatabaseTest {

  @Test
  @DisplayName("New database names are plain identifiers starting with bench_")
  void newName() {
    String name = BenchDatabase.newName();

    assertThat(name).startsWith("bench_").matches("[a-z0-9_]+");
    assertThat(BenchDatabase.checked(name)).isEqualTo(name);
  }

  @Test
  @DisplayName("A name that is not a plain identifier never reaches the DDL")
  void unsafeName() {
    assertThatThrownBy(() -> BenchDatabase.checked("bench; DROP DATABASE postgres"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
