package dev.corpus.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Kinds of page furniture recognised by their shape rather than their words: a caption is a
 * media label and a colon, a share row is a run of bracketed or widely spaced one-word buttons,
 * a breadcrumb is short capitalised items between path separators, a wire credit is a
 * parenthesis of "… by Name" parts. Each test looks at one trimmed line; the cheap tests run
 * first because every line of every file passes through here.
 *
 * <p>Stateless and thread-safe.
 */
final class LineShapes {

  private LineShapes() {}

  /** Words that name a picture or clip in a caption label ("Photo:", "Image caption:"). */
  private static final String MEDIA =
      "(?:file\\s+)?(?:image|images|photo|photos|photograph|picture|pictured|caption|video|graphic|illustration|infographic|gallery|watch)";

  /**
   * "Image: …", "Photo caption: …", "[Photo: …]", "Photo credit: …": a media label, optionally
   * with caption/credit/source, then a colon. Prose never opens with a label and a colon.
   */
  private static final Pattern CAPTION =
      Pattern.compile("^[\\[(]?\\s*" + MEDIA + "(?:\\s+(?:caption|credit|credits|source|by))?\\s*:\\s*\\S.*", Pattern.CASE_INSENSITIVE);

  /** One part of a wire credit: "Reporting by Jane Roe in Ankara", "Editing by Ann Lee". */
  private static final Pattern CREDIT_PART =
      Pattern.compile("^(?:[A-Za-z]+\\s+){0,3}by\\s+\\p{Lu}.*|^(?:[A-Za-z]+\\s+){0,2}(?:reporting|writing)\\s+(?:from|with)\\s+\\p{Lu}.*", Pattern.CASE_INSENSITIVE);

  /** Read-time and listening prompts: "5 min read", "Listen to this article (4 min)". */
  private static final Pattern DURATION_PROMPT =
      Pattern.compile("^(?:listen(?:\\s+to\\s+this\\s+(?:article|story))?|read\\s+time|reading\\s+time)?\\s*:?\\s*\\(?\\d{1,3}\\s*(?:min(?:ute)?s?|m)\\b\\.?\\)?(?:\\s+read)?$", Pattern.CASE_INSENSITIVE);

  /** A time with no date: "9:40 a.m. ET", "14:20", after an optional "Updated"/"Published". */
  private static final Pattern TIME_ONLY =
      Pattern.compile(
          "^(?<label>(?:last\\s+)?(?:updated|published|posted|modified)(?:\\s+at)?\\s*:?\\s*)?(?<h>[01]?\\d|2[0-3])(?<sep>[:.])[0-5]\\d"
              + "\\s*(?<ampm>[ap]\\.?\\s?m\\.?)?(?:\\s*\\(?(?<zone>(?-i:[A-Z]{1,4}))\\)?)?$",
          Pattern.CASE_INSENSITIVE);

  /**
   * A social-media follow prompt or contact line under the story: "Follow her on …", or a
   * contact verb with an address or handle ("Reach him at jroe@example.com"). A handle alone is
   * not enough: an embedded post quotes handles too.
   */
  private static final Pattern FOLLOW =
      Pattern.compile(
          "\\bfollow\\s+(?:him|her|them|me|us)\\b.{0,60}\\b(?:on|at)\\b"
              + "|\\b(?:follow|reach|contact|e-?mail|write\\s+to|tweet)\\b.{0,60}(?:\\b[\\w.+-]+@[\\w-]+\\.[\\w.]+\\b|(?:^|\\s)@\\w{2,}\\b)",
          Pattern.CASE_INSENSITIVE);

  /**
   * An appeal for members, donations or subscriptions: what it asks (support, membership,
   * donation) joined to what it is for (journalism, reporting, a newsroom).
   */
  private static final Pattern APPEAL =
      Pattern.compile(
          "\\b(?:support|fund|funding|donat\\w*|become\\s+a\\s+(?:member|subscriber|supporter|patron)|join\\s+(?:us|our)|members?hip|subscri\\w+)\\b"
              + ".{0,120}\\b(?:journalism|reporting|newsroom|independent\\s+(?:news|media)|this\\s+(?:work|newsletter|site))\\b"
              + "|\\b(?:journalism|reporting|newsroom)\\b.{0,120}\\b(?:support|donat\\w*|members?hip|member|subscri\\w+|paywall)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A sentence that asks the reader to act: "Become a member", "Please support us". */
  private static final Pattern IMPERATIVE =
      Pattern.compile("(?:^|[.!?]\\s+)(?:please\\s+)?(?:support|become|join|donate|subscribe|give|help)\\b", Pattern.CASE_INSENSITIVE);

  /** "Share   Tweet   Email": items set apart by runs of spaces or tabs, as buttons are. */
  private static final Pattern WIDE_GAP = Pattern.compile("\\s{3,}|\\t+");

  /** A caption line: a media label and a colon at the start. */
  static boolean isCaption(String line) {
    if (line.length() < 7 || line.indexOf(':') < 0 || line.length() > 600) {
      return false;
    }
    char c = Character.toLowerCase(line.charAt(0));
    if ("ipcvgfw[(".indexOf(c) < 0) {
      return false;
    }
    return CAPTION.matcher(line).matches();
  }

  /** "(Reporting by Jane Roe; Editing by Ann Lee)": every part names a role and a person. */
  static boolean isCreditLine(String line) {
    if (line.length() < 10 || line.length() > 320) {
      return false;
    }
    char first = line.charAt(0);
    char last = line.charAt(line.length() - 1);
    if (!(first == '(' && last == ')' || first == '[' && last == ']')) {
      return false;
    }
    return isCredit(line.substring(1, line.length() - 1));
  }

  /** The line without a trailing wire credit in parentheses, or the line itself. */
  static String withoutTrailingCredit(String line) {
    if (line.length() < 20 || line.charAt(line.length() - 1) != ')') {
      return line;
    }
    // The last "(" before the closing one: a scan, not a regular expression searched from
    // every position of a long paragraph.
    int open = line.lastIndexOf('(', line.length() - 2);
    if (open <= 0 || line.length() - open > 300 || line.indexOf(')', open) != line.length() - 1
        || !line.regionMatches(true, open + 1, "reporting", 0, 9) && !line.regionMatches(true, open + 1, "writing", 0, 7)
            && !line.regionMatches(true, open + 1, "editing", 0, 7) && !line.regionMatches(true, open + 1, "additional", 0, 10)
            && !line.regionMatches(true, open + 1, "compiled", 0, 8)) {
      return line;
    }
    return isCredit(line.substring(open + 1, line.length() - 1)) ? line.substring(0, open).stripTrailing() : line;
  }

  private static boolean isCredit(String inner) {
    String[] parts = inner.split("[;,]\\s*(?=(?:[A-Za-z]+\\s+){0,3}(?:by|reporting|writing)\\b)|;\\s*");
    int credits = 0;
    for (String part : parts) {
      String p = part.strip();
      if (p.isEmpty()) {
        continue;
      }
      if (!CREDIT_PART.matcher(p).matches()) {
        return false;
      }
      credits++;
    }
    return credits > 0 && inner.toLowerCase(Locale.ROOT).matches("(?s).*\\b(?:reporting|editing|writing|compiled|edited|written|additional)\\b.*");
  }

  /** "5 min read", "Listen to this article (4 min)", "Reading time: 3 minutes". */
  static boolean isDurationPrompt(String line) {
    return line.length() <= 40 && hasDigit(line) && DURATION_PROMPT.matcher(line).matches();
  }

  /**
   * "Updated 9:40 a.m. ET": a labelled timestamp with no date carries nothing a reader needs. A
   * bare time ("1:30 p.m.") is not furniture: in a live report it heads the entry it times.
   */
  static boolean isTimestamp(String line) {
    if (line.length() > 40 || !hasDigit(line)) {
      return false;
    }
    var m = TIME_ONLY.matcher(line);
    return m.matches() && m.group("label") != null;
  }

  /** A time with no date, labelled or not: "14:20", "9:40 a.m. ET", "Updated 09.15 BST". */
  static boolean isTimeOnly(String line) {
    if (line.length() > 40 || !hasDigit(line)) {
      return false;
    }
    var m = TIME_ONLY.matcher(line);
    // "09.15" is a time only with a label, "a.m." or a zone: alone it is a price or a score.
    return m.matches() && (m.group("sep").equals(":") || m.group("label") != null || m.group("ampm") != null || m.group("zone") != null);
  }

  /**
   * A row of share or navigation buttons written without bars: "[Facebook] [Bluesky] [Copy
   * link]" (bracketed, link-like items) or "Share   Tweet   Email" (short capitalised items set
   * apart by wide gaps). Digits rule a row out: a table of figures is data, not buttons.
   */
  static boolean isButtonRow(String line) {
    if (line.length() > 200 || hasDigit(line)) {
      return false;
    }
    if (line.charAt(0) == '[') {
      return isBracketRow(line);
    }
    if (line.indexOf("   ") < 0 && line.indexOf('\t') < 0) {
      return false;
    }
    String[] items = WIDE_GAP.split(line.strip());
    if (items.length < 3 || line.equals(line.toUpperCase(Locale.ROOT))) {
      return false; // buttons are words ("Share", "Email"); a row in capitals heads a table
    }
    for (String item : items) {
      if (item.isEmpty() || Boilerplate.words(item) > 2 || !Character.isUpperCase(item.codePointAt(0)) || Outlets.endsLikeSentence(item)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBracketRow(String line) {
    int items = 0;
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (Character.isWhitespace(c) || c == '|' || c == '·' || c == '•') {
        i++;
        continue;
      }
      if (c != '[') {
        return false;
      }
      int close = line.indexOf(']', i);
      if (close < 0 || close - i - 1 > 30 || close == i + 1) {
        return false;
      }
      String item = line.substring(i + 1, close);
      if (Boilerplate.words(item) > 3 || item.indexOf('[') >= 0) {
        return false;
      }
      items++;
      i = close + 1;
      if (i < n && line.charAt(i) == '(') { // a Markdown link left whole: [Share](url)
        int end = line.indexOf(')', i);
        if (end < 0) {
          return false;
        }
        i = end + 1;
      }
    }
    return items >= 2;
  }

  /** A follow prompt or contact line ("Follow her on Bluesky", an e-mail address). */
  static boolean isFollowOrContact(String line) {
    if (line.indexOf('@') < 0 && !line.contains("ollow ") && !line.contains("OLLOW ")) {
      return false; // the cheap test first: it runs on the last lines of every file
    }
    return Boilerplate.words(line) <= 60 && FOLLOW.matcher(line).find();
  }

  /** A membership, donation or subscription appeal addressed to the reader. */
  static boolean isAppeal(String line) {
    if (line.length() < 12 || line.length() > 800 || !mentionsNewsWork(line) || Boilerplate.words(line) > 80) {
      return false;
    }
    boolean addressed = line.toLowerCase(Locale.ROOT).contains("you") || IMPERATIVE.matcher(line).find();
    return addressed && APPEAL.matcher(line).find();
  }

  /** What an appeal is for, as a cheap substring test before the regular expression. */
  private static boolean mentionsNewsWork(String line) {
    return line.contains("ournalism") || line.contains("eporting") || line.contains("ewsroom") || line.contains("ndependent")
        || line.contains("this work") || line.contains("this newsletter") || line.contains("this site")
        || line.contains("JOURNALISM") || line.contains("REPORTING");
  }

  static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
