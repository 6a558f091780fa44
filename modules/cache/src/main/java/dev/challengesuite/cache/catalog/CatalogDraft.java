package dev.challengesuite.cache.catalog;

import dev.challengesuite.common.catalog.Catalog;
import dev.challengesuite.common.catalog.Challenge;
import dev.challengesuite.common.catalog.EventSource;
import dev.challengesuite.common.catalog.Goal;
import dev.challengesuite.common.catalog.ProgressMode;
import dev.challengesuite.common.catalog.Requirement;
import dev.challengesuite.common.catalog.Reward;
import dev.challengesuite.common.catalog.RewardType;
import dev.challengesuite.common.catalog.Rotation;
import dev.challengesuite.common.time.Schedule;
import java.util.List;

/**
 * The catalog file as read, before validation: every field has its JSON type already checked but
 * keeps its raw text, so the validator can quote what the file says (a missing string is "", a
 * missing number 0, like the reference's Go zero values). {@link #toCatalog()} is only defined
 * once {@link CatalogValidator} found no problem.
 */
record CatalogDraft(List<ChallengeDraft> challenges) {

  record ChallengeDraft(String id, String name, String description, List<GoalDraft> goals) {}

  /** {@code challengeId} is the parent's id, never a key of the goal object. */
  record GoalDraft(
      String id,
      String name,
      String description,
      String challengeId,
      String eventSource,
      boolean defaultAssigned,
      RequirementDraft requirement,
      RewardDraft reward,
      List<String> prerequisites,
      RotationDraft rotation) {}

  record RequirementDraft(String statCode, String operator, int targetValue, String progressMode) {}

  record RewardDraft(String type, String rewardId, int quantity) {}

  /** Only an enabled rotation is kept; a disabled one is dropped while reading. */
  record RotationDraft(
      String type, String schedule, boolean resetProgress, boolean allowReselection) {}

  Catalog toCatalog() {
    return new Catalog(challenges.stream().map(CatalogDraft::toChallenge).toList());
  }

  private static Challenge toChallenge(ChallengeDraft draft) {
    return new Challenge(
        draft.id(),
        draft.name(),
        draft.description(),
        draft.goals().stream().map(CatalogDraft::toGoal).toList());
  }

  private static Goal toGoal(GoalDraft draft) {
    RequirementDraft requirement = draft.requirement();
    RewardDraft reward = draft.reward();
    RotationDraft rotation = draft.rotation();
    return new Goal(
        draft.id(),
        draft.name(),
        draft.description(),
        draft.challengeId(),
        EventSource.fromWire(draft.eventSource()),
        draft.defaultAssigned(),
        new Requirement(
            requirement.statCode(),
            requirement.operator(),
            requirement.targetValue(),
            ProgressMode.fromWire(requirement.progressMode())),
        new Reward(RewardType.fromWire(reward.type()), reward.rewardId(), reward.quantity()),
        draft.prerequisites(),
        rotation == null
            ? null
            : new Rotation(
                Schedule.fromWire(rotation.schedule()),
                rotation.resetProgress(),
                rotation.allowReselection()));
  }
}
