package dev.corpus.extract.claim;

import static dev.corpus.extract.claim.Sources.POSSESSIVES;
import static dev.corpus.extract.claim.Sources.POSSESSIVE_MARKS;
import static dev.corpus.extract.claim.Sources.PREPOSITIONS;

import dev.corpus.extract.text.Token;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cues that {@code cues.txt} does not list but the words around them show: any verb before a
 * that-clause with a subject ("The Tax Policy Center estimates that …"), a stated intention or
 * refusal before its infinitive ("plans to …", "refuses to …"), and the listener after "said to"
 * that keeps a cue from reading as an infinitive. {@link ClaimExtractor} prefers a listed cue
 * where both read the same words. Stateless.
 */
final class InferredCues {

  private InferredCues() {}

  /** Whether the words from {@code k} are a listener after "to", not an infinitive's verb. */
  static boolean listenerAfterTo(List<Token> tokens, int k) {
    if (k >= tokens.size()) {
      return false;
    }
    String t = tokens.get(k).text();
    return Character.isUpperCase(t.codePointAt(0)) || LISTENER_OPENERS.contains(t.toLowerCase(Locale.ROOT));
  }

  private static final Set<String> LISTENER_OPENERS = Set.of(
      "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "reporters",
      "journalists", "me", "him", "them", "us", "you", "supporters", "voters", "lawmakers", "students", "members");

  /** Verbs of a stated intention or refusal, cues only before an infinitive ("plans to …"). */
  private static final Set<String> INTENTIONS = Set.of(
      "plan", "plans", "planned", "planning", "intend", "intends", "intended", "hope", "hopes", "hoped", "hoping", "seek",
      "seeks", "sought", "seeking", "aim", "aims", "aimed", "refuse", "refuses", "refused", "refusing", "vote", "votes",
      "voted", "decide", "decides", "decided", "vow", "vowing", "pledging", "threaten", "threatens", "threatening",
      "offer", "offers", "offered", "demand", "demands", "demanded", "propose", "proposes", "proposed", "resolved");
  /** Words before a noun "plan", "hope", "offer", "vote": then it is no cue. */
  private static final Set<String> NOUN_BEFORE = Set.of(
      "a", "an", "the", "his", "her", "their", "its", "our", "my", "your", "no", "new", "own", "any", "unveil", "unveils",
      "make", "makes", "made", "have", "has", "had", "announce", "announces", "outline", "outlines", "release", "releases",
      "detail", "details", "lay", "lays", "laid", "of", "for", "with", "and", "or", "on", "about");

  /** What follows a refusal that is no statement at all ("declined to comment"). */
  private static final Set<String> NOT_STATEMENTS = Set.of(
      "comment", "say", "discuss", "elaborate", "respond", "speak", "answer", "reply", "confirm", "be", "identify",
      "disclose", "specify", "talk", "provide", "give");

  /**
   * A stated intention, refusal or decision before its infinitive: "Hillary Clinton plans to call
   * on young people …", "Trump refuses to release his tax returns", "A House panel voted Thursday
   * to hold …". News reports these as positions taken; "declined to comment" and the like are not.
   */
  static boolean intentionCue(List<Token> tokens, int i) {
    if (!INTENTIONS.contains(tokens.get(i).text())) {
      return false;
    }
    String previous = i > 0 ? tokens.get(i - 1).text().toLowerCase(Locale.ROOT) : "";
    if (NOUN_BEFORE.contains(previous) || previous.endsWith("ed") && !tokens.get(i).text().endsWith("ed")) {
      return false; // "unveiled plans to …", "sketched a plan to …", "made plans to …": the noun
    }
    int to = i + 1;
    while (to < tokens.size() && to - i <= 3 && !tokens.get(to).text().equals("to")
        && (PREPOSITIONS.contains(tokens.get(to).text().toLowerCase(Locale.ROOT)) || Character.isUpperCase(tokens.get(to).text().codePointAt(0))
            || tokens.get(to).text().endsWith("day") || tokens.get(to).text().equals("again"))) {
      to++; // "voted Thursday to …", "voted 19-15 to …" is not taken
    }
    return to + 1 < tokens.size() && tokens.get(to).text().equals("to")
        && !NOT_STATEMENTS.contains(tokens.get(to + 1).text().toLowerCase(Locale.ROOT));
  }

  /** Whether the words from {@code k} open a clause with its subject, as after a complementiser "that". */
  static boolean opensClause(List<Token> tokens, int k) {
    String next = tokens.get(k).text();
    return CLAUSE_OPENERS.contains(next.toLowerCase(Locale.ROOT)) || Character.isUpperCase(next.codePointAt(0))
        || Character.isDigit(next.codePointAt(0)) || ClaimExtractor.OPENING_MARKS.contains(next);
  }

  /** Nouns that name a statement or a view: "Trump's claim that …", "his insistence that …". */
  static final Set<String> SAYING_NOUNS = Set.of(
      "claim", "claims", "assertion", "statement", "argument", "suggestion", "insistence", "contention", "warning",
      "promise", "pledge", "prediction", "conclusion", "assessment", "allegation", "allegations", "accusation", "charge",
      "admission", "acknowledgment", "acknowledgement", "declaration", "announcement", "observation", "remark", "comment",
      "message", "view", "belief", "fear", "fears", "hope", "hopes", "concern", "concerns", "worry", "suspicion", "theory",
      "emphasis", "boast", "vow", "threat", "complaint", "denial", "explanation", "position", "proposal", "demand",
      "recommendation", "finding", "findings", "estimate", "forecast", "report", "testimony", "insinuation");

  /** Words that open a clause with its subject: "that" before them is a complementiser. */
  private static final Set<String> CLAUSE_OPENERS = Set.of(
      "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "there", "this", "these", "those", "his", "her",
      "their", "its", "our", "my", "your", "no", "some", "most", "many", "all", "any", "every", "one", "only", "more",
      "both", "each", "few", "none", "such", "if", "in", "as", "while", "when", "despite", "after", "because", "even");

  /** Past forms of verbs that take a "that" clause and do not end in -ed. */
  private static final Set<String> IRREGULAR_PAST = Set.of(
      "thought", "knew", "felt", "heard", "saw", "wrote", "understood", "held", "taught", "swore", "foresaw", "read");
  /** Words before "that" that do not report what someone holds ("ensured that", "so that", "given that"). */
  private static final Set<String> NOT_THAT_CUES = Set.of(
      "means", "meant", "ensures", "ensured", "ensuring", "requires", "required", "requiring", "given", "provided",
      "providing", "assuming", "considering", "seeing", "except", "excepted", "is", "was", "has", "does", "this",
      "thus", "less", "unless", "regardless", "needs", "needed", "mandates", "mandated", "dictates", "stipulates",
      "implies", "implied", "happens", "happened", "seems", "seemed", "appears", "appeared", "becomes", "things",
      "times", "ways", "days", "years", "months", "weeks", "hours", "minutes", "reasons", "grounds", "fears", "hopes",
      "thinking", "saying", "being", "having", "nothing", "something", "anything", "everything", "during", "bring", "thing", "ago", "alleged", "such", "so", "now", "also", "even", "only", "just", "that", "those", "these");

  /**
   * A verb the sentence's source uses to introduce what it holds, known or not to {@code cues.txt}:
   * a lower-case word in -s, -ed or -ing, or an irregular past, right before "that" ("The Tax Policy
   * Center estimates that …", "environmentalists worry that …", "The appeals court ruled that
   * …"). Whether a source stands before it is checked like for any cue.
   */
  static boolean thatCue(List<Token> tokens, int i) {
    if (i + 2 >= tokens.size() || !tokens.get(i + 1).text().equalsIgnoreCase("that")) {
      return false;
    }
    String w = tokens.get(i).text();
    if (!Character.isLowerCase(w.codePointAt(0)) || w.length() < 4 || !w.chars().allMatch(Character::isLetter)) {
      return false;
    }
    if (NOT_THAT_CUES.contains(w)) {
      return false;
    }
    for (int k = i - 1; k >= Math.max(0, i - 3); k--) {
      String before = tokens.get(k).text().toLowerCase(Locale.ROOT);
      if (POSSESSIVE_MARKS.contains(before) || POSSESSIVES.contains(before)) {
        return false; // "Trump's claim that …", "his repeated emphasis that …": a noun, read as a possessed statement
      }
      if (!Character.isLowerCase(before.codePointAt(0)) || !tokens.get(k).text().equals(before)) {
        break;
      }
    }
    // "that" opening a relative clause after a noun ("the sanctions that bar …") is told apart by
    // the verb-like ending; what follows must read as a clause, not a noun phrase's end.
    if (!opensClause(tokens, i + 2)) {
      return false; // "newspapers that break with the line", "the sanctions that bar …": a relative clause
    }
    if (BASE_THAT_VERBS.contains(w)) {
      String previous = tokens.get(i - 1).text().toLowerCase(Locale.ROOT);
      return !POSSESSIVES.contains(previous) && !BEFORE_A_NOUN.contains(previous); // "the fear that …" is a noun
    }
    return w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("ous") || w.endsWith("ed") || w.endsWith("ing") || IRREGULAR_PAST.contains(w);
  }

  /** Words other than possessives after which a base form is a noun ("the fear that …"). */
  private static final Set<String> BEFORE_A_NOUN = Set.of("the", "a", "an", "this", "that", "new", "same");

  /** Base forms ("environmentalists worry that …") of verbs that hold or report a view. */
  private static final Set<String> BASE_THAT_VERBS = Set.of(
      "worry", "fear", "hope", "know", "assume", "suspect", "doubt", "understand", "realize", "realise", "recognize",
      "recognise", "concede", "note", "claim", "charge", "report", "estimate", "believe", "think", "feel", "argue", "say",
      "insist", "agree", "expect", "predict", "warn", "acknowledge", "admit", "contend", "suggest", "conclude", "find",
      "show", "maintain", "allege", "complain", "stress", "emphasize", "fret", "reckon", "figure", "guess", "wish", "trust",
      "bet", "swear", "testify", "demand", "recommend", "propose", "urge", "ask", "hold", "see", "sense", "learn", "hear",
      "read", "tell", "explain", "announce", "confirm", "deny", "declare", "assert", "remember", "recall", "forget");
}
