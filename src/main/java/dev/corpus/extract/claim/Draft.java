package dev.corpus.extract.claim;

/** A claim under construction, in UTF-16 offsets. */
final class Draft {
  int start;
  int end;
  int sourceStart = -1;
  int sourceEnd = -1;
  int cueStart = -1;
  int cueEnd = -1;
  /** Where the "and" of a coordinated cue starts ("… and said …"), or -1: earlier content ends before it. */
  int joinedAt = -1;
  boolean direct;
  /** A quotation that goes on after a closed one in the same paragraph ("“…,” Ryan said. “…”"). */
  boolean continuesQuote;
  int sentenceStart;
  int sentenceEnd;
  String speaker;
}
