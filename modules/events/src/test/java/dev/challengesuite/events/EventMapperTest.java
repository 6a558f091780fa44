package dev.challengesuite.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.challengesuite.common.catalog.Catalog;
import dev.challengesuite.common.catalog.CatalogIndex;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Requirement;
import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.error.ChallengeException;
import dev.challengesuite.common.error.ErrorCode;
import dev.challengesuite.common.player.PlayerEvent;
import java.util.List;
import net.accelbyte.iam.account.UserLoggedIn;
import net.accelbyte.social.statistic.StatItem;
import net.accelbyte.social.statistic.StatItemUpdated;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EventMapperTest {

  private static Goal goal(String id, EventSource source, String statCode) {
    return new Goal(id, id, "", "c1", source, true,
        new Requirement(statCode, ">=", 10, ProgressMode.ABSOLUTE),
        new Reward(RewardType.ITEM, "item", 1), List.of(), null);
  }

  private static final CatalogIndex CATALOG = new CatalogIndex(new Catalog(List.of(new Challenge("c1", "C1", "",
      List.of(goal("kills", EventSource.STATISTIC, "enemy_kills"), goal("logins", EventSource.LOGIN, "login_count"))))), "h");

  private final EventMapper mapper = new EventMapper("ns", CATALOG);

  private static StatItemUpdated.Builder stat(String statCode, double value, double inc) {
    return StatItemUpdated.newBuilder().setId("e1").setUserId("alice").setNamespace("ns")
        .setPayload(StatItem.newBuilder().setStatCode(statCode).setLatestValue(value).setInc(inc));
  }

  private static ErrorCode codeOf(Runnable call) {
    try {
      call.run();
    } catch (ChallengeException e) {
      return e.code();
    }
    return null;
  }

  @Test
  @DisplayName("A statistic event becomes a Stat event with its value and increment truncated toward zero")
  void statisticEventIsTruncated() {
    EventDecision decision = mapper.statistic(stat("enemy_kills", 12.9, 2.7).build());

    assertThat(decision).isEqualTo(new EventDecision.Apply("statistic", new PlayerEvent.Stat("e1", "alice", "enemy_kills", 12, 2)));
  }

  @Test
  @DisplayName("Stat values beyond the int range saturate at 2147483647")
  void hugeValuesSaturate() {
    EventDecision decision = mapper.statistic(stat("enemy_kills", 1e12, Double.POSITIVE_INFINITY).build());

    assertThat(((EventDecision.Apply) decision).event())
        .isEqualTo(new PlayerEvent.Stat("e1", "alice", "enemy_kills", Integer.MAX_VALUE, Integer.MAX_VALUE));
  }

  @Test
  @DisplayName("A negative stat value is acknowledged and skipped")
  void negativeValueIsSkipped() {
    assertThat(mapper.statistic(stat("enemy_kills", -3, 1).build()))
        .isEqualTo(new EventDecision.Skip("statistic", "negative_value"));
  }

  @Test
  @DisplayName("A value between -1 and 0 truncates to 0 and is applied")
  void smallNegativeTruncatesToZero() {
    assertThat(mapper.statistic(stat("enemy_kills", -0.5, 0).build())).isInstanceOf(EventDecision.Apply.class);
  }

  @Test
  @DisplayName("A NaN value is an invalid argument")
  void nanIsInvalid() {
    assertThatThrownBy(() -> mapper.statistic(stat("enemy_kills", Double.NaN, 1).build()))
        .isInstanceOf(ChallengeException.class).hasMessage("payload.latestValue must be a number");
  }

  @Test
  @DisplayName("An event for another namespace is acknowledged and skipped")
  void otherNamespaceIsSkipped() {
    assertThat(mapper.statistic(stat("enemy_kills", 1, 1).setNamespace("other").build()))
        .isEqualTo(new EventDecision.Skip("statistic", "namespace_mismatch"));
    assertThat(mapper.login(UserLoggedIn.newBuilder().setUserId("alice").setNamespace("other").build()))
        .isEqualTo(new EventDecision.Skip("login", "namespace_mismatch"));
  }

  @Test
  @DisplayName("A stat code no statistic goal uses is skipped, even when a login goal uses it")
  void statCodeOfLoginGoalIsSkipped() {
    assertThat(mapper.statistic(stat("login_count", 5, 1).build()))
        .isEqualTo(new EventDecision.Skip("statistic", "no_matching_goal"));
  }

  @Test
  @DisplayName("Missing user id, payload or stat code are invalid arguments with the reference's messages")
  void missingFieldsAreInvalid() {
    assertThatThrownBy(() -> mapper.statistic(stat("enemy_kills", 1, 1).setUserId("").build()))
        .hasMessage("userId cannot be empty");
    assertThatThrownBy(() -> mapper.statistic(stat("enemy_kills", 1, 1).clearPayload().build()))
        .hasMessage("payload cannot be nil");
    assertThatThrownBy(() -> mapper.statistic(stat("", 1, 1).build())).hasMessage("statCode cannot be empty");
    assertThatThrownBy(() -> mapper.login(UserLoggedIn.newBuilder().setNamespace("ns").build()))
        .hasMessage("userId cannot be empty");
  }

  @Test
  @DisplayName("User ids and event ids longer than 100 characters are invalid arguments")
  void overlongIdsAreInvalid() {
    String longId = "x".repeat(101);
    assertThat(codeOf(() -> mapper.statistic(stat("enemy_kills", 1, 1).setUserId(longId).build())))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
    assertThat(codeOf(() -> mapper.login(UserLoggedIn.newBuilder().setUserId("a").setId(longId).setNamespace("ns").build())))
        .isEqualTo(ErrorCode.INVALID_ARGUMENT);
  }

  @Test
  @DisplayName("Ids and stat codes with control characters (e.g. NUL) are invalid arguments")
  void controlCharactersAreInvalid() {
    assertThatThrownBy(() -> mapper.statistic(stat("enemy_kills", 1, 1).setUserId("al\u0000ice").build()))
        .hasMessage("userId must not contain control characters");
    assertThatThrownBy(() -> mapper.statistic(stat("kills\n", 1, 1).build()))
        .hasMessage("statCode must not contain control characters");
  }

  @Test
  @DisplayName("A login event becomes a Login event carrying its id")
  void loginEvent() {
    assertThat(mapper.login(UserLoggedIn.newBuilder().setId("e9").setUserId("bob").setNamespace("ns").build()))
        .isEqualTo(new EventDecision.Apply("login", new PlayerEvent.Login("e9", "bob")));
  }
}
