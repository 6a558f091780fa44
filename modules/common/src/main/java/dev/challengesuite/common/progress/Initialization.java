package dev.challengesuite.common.progress;

import java.time.Instant;

/**
 * The player's first initialize: from then on every goal of {@code defaults} that has no stored
 * {@link GoalState} is implicitly assigned and active, as if a state had been written at
 * {@code at} with the player's sequence {@code seq} and login count {@code loginCount}.
 */
public record Initialization(Instant at, long seq, int loginCount, DefaultGoalSet defaults) {}
