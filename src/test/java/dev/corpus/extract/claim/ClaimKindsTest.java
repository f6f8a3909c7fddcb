package dev.corpus.extract.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.entity.EntityStage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kind and polarity of claims: from cue and content as the extractor cuts them, and through the extractor. */
class ClaimKindsTest {

  private static final ClaimKinds KINDS = ClaimKinds.shared();

  private static ClaimKinds.Reading reported(String cue, String content) {
    return KINDS.read(cue, content, false);
  }

  private static void kind(ClaimKind expected, String cue, String content) {
    ClaimKinds.Reading r = reported(cue, content);
    assertEquals(expected, r.kind(), () -> "'" + cue + "' + '" + content + "'");
    assertFalse(r.denies(), () -> "'" + cue + "' + '" + content + "' denies nothing");
  }

  private static void denial(ClaimKind expected, String cue, String content) {
    assertEquals(new ClaimKinds.Reading(expected, true), reported(cue, content), () -> "'" + cue + "' + '" + content + "'");
  }

  @Test
  void statementsFromTheirCue() {
    kind(ClaimKind.STATEMENT, "said", "the bridge would reopen in May");
    kind(ClaimKind.STATEMENT, "told reporters", "the bridge would reopen in May");
    kind(ClaimKind.STATEMENT, "announced", "a new timetable");
    kind(ClaimKind.STATEMENT, "According to", "the ferry will run all summer");
    kind(ClaimKind.STATEMENT, "wrote", "the council had no choice");
    kind(ClaimKind.STATEMENT, "pointed out", "the toll had not changed");
    assertEquals(new ClaimKinds.Reading(ClaimKind.STATEMENT, false), KINDS.read("said", "We will reopen by May", true));
  }

  @Test
  void positionsFromTheirCue() {
    kind(ClaimKind.POSITION, "condemned", "the plan");
    kind(ClaimKind.POSITION, "criticised", "the delay");
    kind(ClaimKind.POSITION, "criticized", "the delay");
    kind(ClaimKind.POSITION, "praised", "the engineers");
    kind(ClaimKind.POSITION, "called for", "an inquiry into the delay");
    kind(ClaimKind.POSITION, "welcomed", "the decision");
    kind(ClaimKind.POSITION, "opposed", "the toll");
    kind(ClaimKind.POSITION, "rejected", "the plan");
    kind(ClaimKind.POSITION, "slammed", "the contractor");
    kind(ClaimKind.POSITION, "railed against", "the toll");
    kind(ClaimKind.POSITION, "urges", "restraint from both sides");
  }

  @Test
  void beliefsFromTheirCue() {
    kind(ClaimKind.BELIEF, "fears", "the deal will collapse");
    kind(ClaimKind.BELIEF, "thinks", "the bridge is safe");
    kind(ClaimKind.BELIEF, "thought", "the bridge was safe");
    kind(ClaimKind.BELIEF, "believed", "the bridge was safe");
    kind(ClaimKind.BELIEF, "expect", "fares will rise");
    kind(ClaimKind.BELIEF, "hoping", "the repairs end soon");
    kind(ClaimKind.BELIEF, "doubts", "the money will arrive");
    kind(ClaimKind.BELIEF, "worries", "the river will flood");
    kind(ClaimKind.BELIEF, "worried about", "the cost");
  }

  @Test
  void aToInfinitiveIsAnIntentionWhateverTheVerb() {
    kind(ClaimKind.INTENTION, "vowed", "to rebuild the bridge");
    kind(ClaimKind.INTENTION, "agreed", "to sell the unit");
    kind(ClaimKind.INTENTION, "plans", "to raise the toll");
    kind(ClaimKind.INTENTION, "pledged", "to keep the ferry running");
    kind(ClaimKind.INTENTION, "wants", "to close the road");
    kind(ClaimKind.INTENTION, "voted", "to hold a hearing");
    kind(ClaimKind.INTENTION, "hopes", "to run again");
    kind(ClaimKind.INTENTION, "expects", "to finish by June");
    kind(ClaimKind.INTENTION, "schemed", "to delay the vote"); // not in the lexicon: the structure decides
    kind(ClaimKind.INTENTION, "vowed to", "rebuild the bridge"); // a cue cut with its "to"
  }

  @Test
  void askingOthersToActIsAPosition() {
    kind(ClaimKind.POSITION, "asked him", "to form a committee");
    kind(ClaimKind.POSITION, "urged lawmakers", "to back the bill");
    kind(ClaimKind.POSITION, "called on the council", "to resign");
    kind(ClaimKind.POSITION, "told residents", "to stay indoors");
  }

  @Test
  void toBeforeANounPhraseIsNoInfinitive() {
    kind(ClaimKind.STATEMENT, "said", "to the committee's surprise the vote passed");
    assertFalse(ClaimKinds.infinitive("to the press"));
    assertFalse(ClaimKinds.infinitive("To win this we need luck"));
    assertTrue(ClaimKinds.infinitive("to be honest with voters"));
  }

  @Test
  void denials() {
    denial(ClaimKind.STATEMENT, "denied", "it had been paid");
    denial(ClaimKind.STATEMENT, "has denied", "any wrongdoing");
    denial(ClaimKind.STATEMENT, "rejected", "claims that it had lied");
    denial(ClaimKind.STATEMENT, "dismissed", "reports that the plant would close");
    denial(ClaimKind.STATEMENT, "refuted", "the charge");
    denial(ClaimKind.STATEMENT, "disputed", "the figures");
    denial(ClaimKind.STATEMENT, "ruled out", "a second vote");
    denial(ClaimKind.INTENTION, "refused", "to resign");
  }

  @Test
  void negationsAndAdverbsBeforeTheVerbAreSkipped() {
    kind(ClaimKind.STATEMENT, "did not say", "the bridge was safe");
    kind(ClaimKind.BELIEF, "does not believe", "the bridge is safe");
    kind(ClaimKind.STATEMENT, "is stressing", "the bridge is safe");
    kind(ClaimKind.POSITION, "has repeatedly criticised", "the delay");
    denial(ClaimKind.STATEMENT, "didn't deny", "the payment");
  }

  @Test
  void anUnknownCueOrNoneIsAStatement() {
    kind(ClaimKind.STATEMENT, "fumed", "the delay was a disgrace");
    kind(ClaimKind.STATEMENT, "briefed the press", "the bridge was safe"); // a listener's word is no verb
    kind(ClaimKind.STATEMENT, "―", "The bridge is our pride");
    assertEquals(new ClaimKinds.Reading(ClaimKind.STATEMENT, false), KINDS.read(null, "The bridge is our pride", true));
  }

  @Test
  void lemmasOfRegularAndIrregularForms() {
    assertTrue(KINDS.lemmas("worries").contains("worry"));
    assertTrue(KINDS.lemmas("hoping").contains("hope"));
    assertTrue(KINDS.lemmas("slammed").contains("slam"));
    assertTrue(KINDS.lemmas("said").contains("say"));
    assertTrue(KINDS.lemmas("spoke").contains("speak"));
  }

  @Test
  void theLexiconFormatIsChecked() {
    assertThrows(IllegalStateException.class, () -> ClaimKinds.parse(List.of("say statement")));
    assertThrows(IllegalStateException.class, () -> ClaimKinds.parse(List.of("say | speech")));
    assertThrows(IllegalStateException.class, () -> ClaimKinds.parse(List.of("say | statement | loud")));
    assertThrows(IllegalStateException.class, () -> ClaimKinds.parse(List.of("say | statement", "say | belief")));
    ClaimKinds one = ClaimKinds.parse(List.of("shrug off | position | rejects forms=shrugged"));
    assertEquals(new ClaimKinds.Reading(ClaimKind.STATEMENT, true), one.read("shrugged off", "the allegations", false));
  }

  @Test
  void theExtractorsClaimsCarryTheirKind() {
    ClaimExtractor extractor = ClaimExtractor.shipped();
    EntityStage entities = EntityStage.shipped();
    String text = "The mayor vowed to rebuild the bridge. The union denied that it had been paid. "
        + "The board agreed to sell the unit. The mayor said the bridge would reopen.";
    List<Claim> claims = extractor.extract(text, entities.find(text));
    assertEquals(List.of("vowed:INTENTION:false", "denied:STATEMENT:true", "agreed:INTENTION:false", "said:STATEMENT:false"),
        claims.stream().map(c -> c.cue() + ":" + c.kind() + ":" + c.denies()).toList());
  }
}
