package dev.challengesuite.common.progress;

import dev.challengesuite.common.catalog.Goal;
import java.time.Instant;

/**
 * A goal that passed every claim check, and the rotation period the claim is for.
 *
 * @param periodKey "" for goals that do not rotate, else {@code periodStart} in ISO-8601 (UTC): the
 *     key of the claim record, so a reward is granted at most once per period
 * @param periodStart start of the claimed period; null for goals that do not rotate
 * @param periodEnd end of the claimed period (exclusive); null for goals that do not rotate
 */
public record Claimable(Goal goal, String periodKey, Instant periodStart, Instant periodEnd) {}
