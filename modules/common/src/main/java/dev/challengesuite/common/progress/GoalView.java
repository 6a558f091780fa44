package dev.challengesuite.common.progress;

import java.time.Instant;

/**
 * What the API shows of one goal for one player at one instant: display progress and status after
 * the rotation display rules (reference §5.4.4), and {@code locked} computed from the player's
 * prerequisites. A goal the player never had shows {@code not_started}, 0, inactive.
 *
 * @param assignedAt null when never assigned
 * @param completedAt shown raw (not cleared by display rotation), null when none
 * @param claimedAt shown raw, null when none
 * @param expiresAt next rotation boundary for rotating goals, else null
 * @param expiresInSeconds seconds from now to {@code expiresAt}, clamped to 0..int max; 0 if none
 */
public record GoalView(
    GoalStatus status,
    int progress,
    boolean active,
    Instant assignedAt,
    Instant completedAt,
    Instant claimedAt,
    Instant expiresAt,
    int expiresInSeconds,
    boolean locked) {}
