package dev.challengesuite.bench.load;

/** Picks the next request; called on the generator's thread, once per arrival. */
@FunctionalInterface
public interface Workload {

  Call next();
}
