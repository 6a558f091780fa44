package dev.challengesuite.common.progress;

import java.util.List;

/**
 * The effect of one event on one player.
 *
 * @param player the player after the event (same instance as before when nothing applied)
 * @param changedGoals goal states the event wrote (completion, baseline capture, rotation reset)
 * @param applied false when the event had no effect at all (no goal of the catalog listens to
 *     it): then nothing needs writing
 */
public record EventOutcome(PlayerProgress player, List<GoalState> changedGoals, boolean applied) {

  public EventOutcome {
    changedGoals = List.copyOf(changedGoals);
  }
}
