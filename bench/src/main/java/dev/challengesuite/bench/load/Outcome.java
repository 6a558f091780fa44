package dev.challengesuite.bench.load;

/**
 * How one request ended: a status label ({@code "200"}, {@code "404"}, {@code "OK"},
 * {@code "UNAVAILABLE"}, {@code "connection refused"}, ...) and whether it counts as a success.
 */
public record Outcome(String status, boolean ok) {

  /** The label of requests the generator did not send because too many were outstanding. */
  public static final String DROPPED = "overload/dropped";

  public static Outcome ok(String status) {
    return new Outcome(status, true);
  }

  public static Outcome failed(String status) {
    return new Outcome(status, false);
  }

  /** An HTTP status: 2xx is a success. */
  public static Outcome http(int status) {
    return new Outcome(Integer.toString(status), status >= 200 && status < 300);
  }
}
