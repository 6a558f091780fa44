package dev.challengesuite.http.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.challengesuite.common.progress.GoalStatus;
import dev.challengesuite.common.progress.GoalView;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GoalFragmentsTest {

  private static final Instant DONE = Instant.parse("2025-01-12T09:15:30.250Z");

  private final GoalFragments fragments = new GoalFragments();

  private static GoalView completed(int progress, Instant at) {
    return new GoalView(GoalStatus.COMPLETED, progress, true, null, at, null, null, 0, false);
  }

  private String fragment(int goal) {
    return new String(fragments.text(), fragments.offset(goal), fragments.length(goal),
        StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("goals that show the same fields share one written fragment")
  void sharedFragment() {
    fragments.start(3);
    fragments.add(completed(300, DONE));
    fragments.add(completed(7, DONE));
    fragments.add(completed(300, DONE));

    assertThat(fragments.offset(2)).isEqualTo(fragments.offset(0));
    assertThat(fragments.offset(1)).isNotEqualTo(fragments.offset(0));
    assertThat(fragments.totalLength())
        .isEqualTo(fragments.length(0) + fragments.length(1) + fragments.length(2));
  }

  @Test
  @DisplayName("instants within the same second make the same fragment, as only seconds show")
  void sameSecond() {
    fragments.start(2);
    fragments.add(completed(300, DONE));
    fragments.add(completed(300, DONE.plusMillis(500)));

    assertThat(fragments.offset(1)).isEqualTo(fragments.offset(0));
    assertThat(fragment(1)).contains("\"completedAt\":\"2025-01-12T09:15:30Z\"");
  }

  @Test
  @DisplayName("a field that differs makes its own fragment")
  void differentFields() {
    fragments.start(2);
    fragments.add(completed(300, DONE));
    fragments.add(completed(300, DONE.plusSeconds(1)));

    assertThat(fragment(0)).contains("09:15:30Z");
    assertThat(fragment(1)).contains("09:15:31Z");
  }

  @Test
  @DisplayName("a new response starts from nothing")
  void startForgets() {
    fragments.start(1);
    fragments.add(completed(300, DONE));

    fragments.start(1);
    fragments.add(completed(5, DONE));

    assertThat(fragments.offset(0)).isZero();
    assertThat(fragment(0)).startsWith("false,\"progress\":5,");
    assertThat(fragments.totalLength()).isEqualTo(fragments.length(0));
  }
}
