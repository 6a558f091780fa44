package dev.challengesuite.bench.client;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Frames the HTTP/1.1 responses of one keep-alive connection, one at a time, from the socket's
 * reads as they come: the head is scanned for its blank line (it may be split over reads), then
 * exactly Content-Length body bytes are skipped without being looked at or copied.
 *
 * <p>Only Content-Length framing is supported: the service ends every response with a complete
 * buffer, so Vert.x sets Content-Length. Chunked or read-until-close bodies fail clearly.
 */
final class ResponseReader {

  static final int MAX_HEAD_BYTES = 64 * 1024;

  private static final byte[] HTTP_1 = "HTTP/1.".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONTENT_LENGTH = "content-length".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRANSFER_ENCODING = "transfer-encoding".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CONNECTION = "connection".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] CLOSE = "close".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEEP_ALIVE = "keep-alive".getBytes(StandardCharsets.US_ASCII);

  private byte[] head = new byte[1024];
  private int headLength;
  /** How much of the CR LF CR LF that ends the head the bytes so far end with. */
  private int endMatched;
  /** Body bytes still to come; -1 while the head is being read. */
  private long bodyLeft = -1;
  private int status;
  private boolean closeAfter;

  /** Ready for the next response on the connection. */
  void reset() {
    headLength = 0;
    endMatched = 0;
    bodyLeft = -1;
    status = 0;
    closeAfter = false;
  }

  /**
   * Consumes what {@code in} holds of the current response; true once the response is complete
   * (anything left readable in {@code in} then is not part of it).
   *
   * @throws RawResponseException for a response this reader cannot frame
   */
  boolean feed(ByteBuf in) {
    while (bodyLeft < 0) {
      if (!readHead(in)) {
        return false;
      }
      parseHead();
    }
    int skip = (int) Math.min(bodyLeft, in.readableBytes());
    in.skipBytes(skip);
    bodyLeft -= skip;
    return bodyLeft == 0;
  }

  /** The status code of the response read last. */
  int status() {
    return status;
  }

  /** Whether the server will close the connection (or expects us to) after this response. */
  boolean closeAfter() {
    return closeAfter;
  }

  /** Copies head bytes up to and including the blank line; true once it was found. */
  private boolean readHead(ByteBuf in) {
    int from = in.readerIndex();
    int to = in.writerIndex();
    int end = -1;
    for (int i = from; i < to; i++) {
      byte b = in.getByte(i);
      if (b == '\r') {
        endMatched = endMatched == 2 ? 3 : 1;
      } else if (b == '\n' && (endMatched == 1 || endMatched == 3)) {
        if (++endMatched == 4) {
          end = i + 1;
          break;
        }
      } else {
        endMatched = 0;
      }
    }
    int take = (end < 0 ? to : end) - from;
    if (headLength + take > MAX_HEAD_BYTES) {
      throw new RawResponseException("malformed response", "response head longer than " + MAX_HEAD_BYTES + " bytes");
    }
    if (headLength + take > head.length) {
      head = java.util.Arrays.copyOf(head, Math.max(head.length * 2, headLength + take));
    }
    in.readBytes(head, headLength, take);
    headLength += take;
    return end >= 0;
  }

  private void parseHead() {
    // "HTTP/1.x SSS reason\r\n"
    if (headLength < 14 || !startsWith(0, HTTP_1) || head[8] != ' ' || !isDigit(head[9]) || !isDigit(head[10])
        || !isDigit(head[11])) {
      throw new RawResponseException("malformed response", "status line '" + firstLine() + "'");
    }
    status = (head[9] - '0') * 100 + (head[10] - '0') * 10 + (head[11] - '0');
    boolean http10 = head[7] == '0';
    boolean keepAlive = false;
    long contentLength = -1;
    int line = lineEnd(0) + 2;
    int headEnd = headLength - 2; // the blank line's CR
    while (line < headEnd) {
      int eol = lineEnd(line);
      int colon = indexOf(line, eol, (byte) ':');
      if (colon > line) {
        int value = skipSpaces(colon + 1, eol);
        int valueEnd = trimEnd(value, eol);
        if (nameIs(line, colon, CONTENT_LENGTH)) {
          contentLength = parseLength(value, valueEnd);
        } else if (nameIs(line, colon, TRANSFER_ENCODING)) {
          throw new RawResponseException("unsupported transfer-encoding",
              new String(head, value, valueEnd - value, StandardCharsets.ISO_8859_1)
                  + " (the raw list client reads Content-Length bodies only; use --list-client webclient)");
        } else if (nameIs(line, colon, CONNECTION)) {
          closeAfter |= containsIgnoreCase(value, valueEnd, CLOSE);
          keepAlive |= containsIgnoreCase(value, valueEnd, KEEP_ALIVE);
        }
      }
      line = eol + 2;
    }
    closeAfter |= http10 && !keepAlive;
    if (status >= 100 && status < 200) {
      reset(); // an interim response (100 Continue): the real one follows
      return;
    }
    if (status == 204 || status == 304) {
      bodyLeft = 0;
    } else if (contentLength >= 0) {
      bodyLeft = contentLength;
    } else {
      throw new RawResponseException("no content-length",
          "status " + status + " without Content-Length (the raw list client does not read until close)");
    }
  }

  private long parseLength(int from, int to) {
    if (from == to || to - from > 18) {
      throw new RawResponseException("malformed response", "bad Content-Length");
    }
    long n = 0;
    for (int i = from; i < to; i++) {
      if (!isDigit(head[i])) {
        throw new RawResponseException("malformed response", "bad Content-Length");
      }
      n = n * 10 + (head[i] - '0');
    }
    return n;
  }

  private int lineEnd(int from) {
    for (int i = from; i < headLength - 1; i++) {
      if (head[i] == '\r' && head[i + 1] == '\n') {
        return i;
      }
    }
    return headLength;
  }

  private int indexOf(int from, int to, byte b) {
    for (int i = from; i < to; i++) {
      if (head[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private int skipSpaces(int from, int to) {
    while (from < to && (head[from] == ' ' || head[from] == '\t')) {
      from++;
    }
    return from;
  }

  private int trimEnd(int from, int to) {
    while (to > from && (head[to - 1] == ' ' || head[to - 1] == '\t')) {
      to--;
    }
    return to;
  }

  /** {@code lower} is lower-case ASCII. */
  private boolean nameIs(int from, int to, byte[] lower) {
    return to - from == lower.length && regionMatches(from, lower);
  }

  private boolean containsIgnoreCase(int from, int to, byte[] lower) {
    for (int i = from; i + lower.length <= to; i++) {
      if (regionMatches(i, lower)) {
        return true;
      }
    }
    return false;
  }

  private boolean regionMatches(int at, byte[] lower) {
    for (int j = 0; j < lower.length; j++) {
      if ((head[at + j] | 0x20) != lower[j]) { // ASCII case folding; lower holds letters and '-'
        return false;
      }
    }
    return true;
  }

  private boolean startsWith(int at, byte[] prefix) {
    for (int j = 0; j < prefix.length; j++) {
      if (head[at + j] != prefix[j]) {
        return false;
      }
    }
    return true;
  }

  private String firstLine() {
    return new String(head, 0, Math.min(lineEnd(0), 80), StandardCharsets.ISO_8859_1);
  }

  private static boolean isDigit(byte b) {
    return b >= '0' && b <= '9';
  }
}
