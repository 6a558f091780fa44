package dev.challengesuite.common.progress;

import java.time.Instant;

/**
 * What is stored for one (player, goal): written only on state changes (assignment, activation,
 * deactivation, baseline capture, completion, claim, rotation reset), never per event.
 *
 * <p>{@code progress} is the goal's raw progress (the stat value, or the login counter of the
 * goal) materialised when the state was written, at player event sequence {@code seq} and login
 * count {@code loginBase}. While the goal is active and not claimed, its raw progress follows the
 * player's stats from there on (see {@code ProgressRules}); otherwise it stays frozen.
 *
 * @param baseline relative goals: raw progress at the start of the period; null until captured
 * @param updatedAt last write; a rotating goal whose last write is before the current period's
 *     start is stale
 */
public record GoalState(
    String goalId,
    String challengeId,
    boolean active,
    GoalStatus status,
    int progress,
    long seq,
    int loginBase,
    Integer baseline,
    Instant assignedAt,
    Instant completedAt,
    Instant claimedAt,
    Instant expiresAt,
    Instant updatedAt) {}
