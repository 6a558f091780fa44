package dev.challengesuite.common.player;

import dev.challengesuite.common.progress.GoalState;
import dev.challengesuite.common.progress.PlayerProgress;
import java.time.Instant;

/**
 * The player after set-active, the goal's state, and when the change was applied (the reference
 * answers that instant as {@code assignedAt}, on deactivation too).
 */
public record ActivationOutcome(PlayerProgress progress, GoalState goal, Instant appliedAt) {}
