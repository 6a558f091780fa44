package dev.challengesuite.common.config;

/**
 * Reward claims ({@code claims.*}).
 *
 * @param grantTimeoutMillis how long a claim waits for the rewards verticle's answer; must exceed
 *     the reward client's own budget (8 s in real mode), or grants that would have been answered are
 *     treated as of unknown outcome
 * @param pendingExpiryMillis a claim left {@code pending} longer than this (its owner crashed or
 *     never learnt the outcome) is settled as granted without sending the grant again; must exceed
 *     {@code grantTimeoutMillis}, so that a claim still waiting for its answer is never settled
 */
public record ClaimsConfig(long grantTimeoutMillis, long pendingExpiryMillis) {

  public static final ClaimsConfig DEFAULT = new ClaimsConfig(12_000, 30_000);
}
