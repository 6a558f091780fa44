package dev.challengesuite.bench.load;

import io.vertx.core.Future;
import java.util.function.Supplier;

/** One request a workload wants sent: the endpoint it is counted under and how to send it. */
public record Call(String endpoint, Supplier<Future<Outcome>> send) {}
