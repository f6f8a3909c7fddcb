package dev.corpus.extract.time;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TimeML document (TempEval-3 {@code .tml}): its creation date (the DCT) and the plain text of
 * its {@code TEXT} element with the gold {@code TIMEX3} annotations as offsets into it.
 */
public record TimeMlFile(String name, LocalDate creationDate, String text, List<Gold> timexes) {

  /** A gold expression: UTF-16 offsets into {@link #text()}. */
  public record Gold(int start, int end, String type, String value) {}

  private static final Pattern DCT = Pattern.compile("<DCT>\\s*<TIMEX3[^>]*value=\"(\\d{4}-\\d\\d-\\d\\d)");
  private static final Pattern TAG = Pattern.compile("<(/?)([A-Za-z0-9]+)([^>]*)>");
  private static final Pattern ATTR = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /**
   * Reads a {@code .tml} file.
   *
   * @throws IOException when it cannot be read or has no {@code TEXT} element
   */
  public static TimeMlFile read(Path file) throws IOException {
    String xml = Files.readString(file, StandardCharsets.UTF_8);
    Matcher dct = DCT.matcher(xml);
    LocalDate creation = dct.find() ? LocalDate.parse(dct.group(1)) : null;
    int from = xml.indexOf("<TEXT>");
    int to = xml.indexOf("</TEXT>");
    if (from < 0 || to < from) {
      throw new IOException(file + ": no <TEXT> element");
    }
    String inner = xml.substring(from + "<TEXT>".length(), to);
    StringBuilder text = new StringBuilder(inner.length());
    List<Gold> timexes = new ArrayList<>();
    Matcher tag = TAG.matcher(inner);
    int at = 0;
    int openStart = -1;
    String openType = null;
    String openValue = null;
    while (tag.find()) {
      text.append(unescape(inner.substring(at, tag.start())));
      at = tag.end();
      if (!tag.group(2).equals("TIMEX3")) {
        continue;
      }
      if (tag.group(1).isEmpty()) {
        openStart = text.length();
        openType = null;
        openValue = null;
        Matcher a = ATTR.matcher(tag.group(3));
        while (a.find()) {
          if (a.group(1).equals("type")) {
            openType = a.group(2);
          } else if (a.group(1).equals("value")) {
            openValue = a.group(2);
          }
        }
      } else if (openStart >= 0) {
        timexes.add(new Gold(openStart, text.length(), openType, openValue));
        openStart = -1;
      }
    }
    text.append(unescape(inner.substring(at)));
    return new TimeMlFile(file.getFileName().toString(), creation, text.toString(), List.copyOf(timexes));
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&");
  }
}
