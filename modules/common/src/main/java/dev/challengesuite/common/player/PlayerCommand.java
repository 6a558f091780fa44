package dev.challengesuite.common.player;

import java.util.List;

/**
 * Requests to the player partition that owns {@code userId}. Each partition handles one user's
 * commands one at a time, so the rules never race with themselves.
 */
public sealed interface PlayerCommand
    permits PlayerCommand.Get,
        PlayerCommand.Initialize,
        PlayerCommand.Apply,
        PlayerCommand.SetActive,
        PlayerCommand.BatchSelect,
        PlayerCommand.RandomSelect,
        PlayerCommand.Claim {

  String userId();

  /** Reply: the player's committed {@code PlayerProgress}. */
  record Get(String userId) implements PlayerCommand {}

  /** Reply: {@link InitializeOutcome} once the assignment is durable. */
  record Initialize(String userId) implements PlayerCommand {}

  /** Reply: {@code null} once the event's effect is durable. */
  record Apply(PlayerEvent event) implements PlayerCommand {
    @Override
    public String userId() {
      return event.userId();
    }
  }

  /** Reply: {@link ActivationOutcome} once the change is durable (reference §5.6). */
  record SetActive(String userId, String challengeId, String goalId, boolean active)
      implements PlayerCommand {}

  /** Reply: {@link SelectionOutcome} once the change is durable (reference §5.7.1). */
  record BatchSelect(
      String userId, String challengeId, List<String> goalIds, boolean replaceExisting)
      implements PlayerCommand {
    public BatchSelect {
      goalIds = List.copyOf(goalIds);
    }
  }

  /** Reply: {@link SelectionOutcome} once the change is durable (reference §5.7.2). */
  record RandomSelect(
      String userId, String challengeId, int count, boolean replaceExisting, boolean excludeActive)
      implements PlayerCommand {}

  /**
   * Reply: {@link ClaimOutcome} once the reward is granted and the claim durable (reference §2.7,
   * §8; docs/claims.md). May take as long as the reward grant: see {@code PlayerClient#claim}.
   */
  record Claim(String userId, String challengeId, String goalId) implements PlayerCommand {}
}
