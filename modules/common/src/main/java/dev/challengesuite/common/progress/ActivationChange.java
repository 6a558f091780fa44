package dev.challengesuite.common.progress;

/**
 * The effect of setting one goal active or inactive for one player.
 *
 * @param player the player afterwards (the same instance when nothing changed)
 * @param goal the goal's state afterwards
 * @param written whether {@code goal} must be stored (false: the goal already was as requested)
 */
public record ActivationChange(PlayerProgress player, GoalState goal, boolean written) {}
