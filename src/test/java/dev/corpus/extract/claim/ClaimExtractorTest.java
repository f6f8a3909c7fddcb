package dev.corpus.extract.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.corpus.extract.entity.EntityStage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each construction of attribution, on short inline texts, with the shipped entity model. */
class ClaimExtractorTest {

  private static final ClaimExtractor EXTRACTOR = ClaimExtractor.shipped();
  private static final EntityStage ENTITIES = EntityStage.shipped();

  private static List<Claim> claims(String text) {
    return EXTRACTOR.extract(text, ENTITIES.find(text));
  }

  private static Claim only(String text) {
    List<Claim> found = claims(text);
    assertEquals(1, found.size(), () -> text + " -> " + found);
    Claim c = found.get(0);
    int[] cps = text.codePoints().toArray();
    assertEquals(c.content(), new String(cps, c.start(), c.end() - c.start()), "content offsets");
    if (c.speakerStart() >= 0) {
      assertEquals(c.speakerText(), new String(cps, c.speakerStart(), c.speakerEnd() - c.speakerStart()), "speaker offsets");
    }
    return c;
  }

  @Test
  void quotationWithTheSpeakerAfter() {
    Claim c = only("“There is nothing new in this treaty,” Vladimir Putin said in Hanoi.");
    assertEquals("Vladimir Putin", c.speaker());
    assertEquals("said", c.cue());
    assertEquals("There is nothing new in this treaty", c.content());
    assertTrue(c.direct());
  }

  @Test
  void aSpeakerNamedWithAnHonorificAfterTheQuotation() {
    Claim c = only("“It will be first-order business,” Mr. Podesta said.");
    assertEquals("Mr. Podesta", c.speakerText());
    assertEquals("Podesta", c.speaker(), "the honorific makes the unknown surname a person");
    Claim told = only("''I have never been edited,'' Mr. King, 82, told me.");
    assertEquals("Mr. King", told.speakerText());
  }

  @Test
  void aNameWithALongAppositionBeforeTheCue() {
    Claim c = only("Johnnie Wilson, of Springfield, Va., said he had fought in Vietnam for the nation's rights.");
    assertEquals("Johnnie Wilson", c.speakerText());
    assertEquals("he had fought in Vietnam for the nation's rights", c.content());
    Claim relative = only("Angelique Brunner, a developer and spokeswoman for the EB-5 Investment Coalition, which is made up "
        + "of investors and developers, said many of the examples failed to materialise.");
    assertEquals("Angelique Brunner", relative.speakerText());
    Claim dashes = only("Kall -- co-editor of Debating The Donald, a book analyzing the debates -- said the candidate "
        + "tended to make announcements there.");
    assertEquals("Kall", dashes.speakerText());
    Claim quoted = only("“It’s an invasion of the state regulatory domain,” Scott Pruitt, the Republican attorney general "
        + "of Oklahoma, one of the states suing the agency, said.");
    assertEquals("Scott Pruitt", quoted.speakerText());
    assertTrue(quoted.direct());
    Claim trailing = only("The program needs more oversight, Ronald Smith, an official of the mayors' conference, said.");
    assertEquals("Ronald Smith", trailing.speakerText());
    assertEquals("The program needs more oversight", trailing.content());
  }

  @Test
  void aClauseBetweenCommasIsNotAnApposition() {
    assertTrue(claims("Trump, who was campaigning in Ohio, was asked about it and Clinton, the nominee, "
        + "laughed.").isEmpty(), "a verb outside the relative clause: no source before a cue");
  }

  @Test
  void aTimePhraseBetweenSourceAndCue() {
    Claim c = only("Trump on Monday said the deal was a disaster for American workers.");
    assertEquals("Trump", c.speakerText());
    assertEquals("the deal was a disaster for American workers", c.content());
    List<Claim> who = claims("Obama met McConnell, who in 2010 said the GOP's most important goal was to defeat him.");
    assertEquals(1, who.size(), who::toString);
    assertEquals("McConnell", who.get(0).speaker());
  }

  @Test
  void aSubjectJoinedByAnd() {
    Claim c = only("Experts on North Korea and nuclear nonproliferation said the latest test could change that.");
    assertEquals("Experts on North Korea and nuclear nonproliferation", c.speakerText());
  }

  @Test
  void mixedQuotationMarksCloseAtTheirParagraph() {
    List<Claim> found = claims("The mayor said there was “no evidence\" yet of terrorism.\n\n"
        + "\"We do not see a link to terrorism,\" the mayor said, adding that it would take \"more hours” before details emerge.\n\n"
        + "“Immunity deals should not be a requirement,\" Jason Chaffetz said.");
    assertTrue(found.stream().anyMatch(c -> c.content().equals("We do not see a link to terrorism") && c.direct()), found::toString);
    assertTrue(found.stream().anyMatch(c -> c.content().equals("Immunity deals should not be a requirement")
        && "Jason Chaffetz".equals(c.speakerText())), found::toString);
  }

  @Test
  void aNoBreakSpaceEndsASentenceLikeAnyOther() {
    List<Claim> found = claims("But Megan Hester said parents still want neighborhood schools.\u00a0\n“Nobody wants to bus "
        + "their kids to a magnet school,” Hester said.");
    assertEquals(2, found.size(), found::toString);
    assertEquals("parents still want neighborhood schools", found.get(0).content());
  }

  @Test
  void aHeadlineInTitleCaseHasACapitalisedCue() {
    Claim before = only("Obama Says African-American Museum Will Tell of Suffering and Delight.");
    assertEquals("Obama", before.speakerText());
    assertEquals("Says", before.cue());
    assertEquals("African-American Museum Will Tell of Suffering and Delight", before.content());
    Claim after = only("Clinton Hid Past Health Problems From Public, Former White House Doctor Says.");
    assertEquals("Former White House Doctor", after.speakerText());
    assertTrue(claims("Said Ahmed was born in Cairo and moved to Paris in 1990.").isEmpty(),
        "outside a title-case line a capitalised cue word is a name");
  }

  @Test
  void anInvertedCueBeforeAColon() {
    Claim c = only("Said Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”");
    assertEquals("Ellis", c.speakerText());
    assertEquals("Said", c.cue());
    assertEquals("I don’t get the sense she’s the least bit interested in tax reform", c.content());
    assertTrue(c.direct());
  }

  @Test
  void aSecondSubjectWithItsOwnCueEndsTheFirstStatement() {
    List<Claim> found = claims("But Fowler said the politics would be more intense — and he noted that any change would "
        + "occur a few weeks later in the season.");
    assertEquals(2, found.size(), found::toString);
    assertEquals("the politics would be more intense", found.get(0).content());
    assertEquals("he", found.get(1).speakerText());
    assertEquals("any change would occur a few weeks later in the season", found.get(1).content());
  }

  @Test
  void aParticipleCueTakesANounPhraseSubject() {
    Claim judge = claims("A New York judge rejected a media request to open the file, saying the courts have no business "
        + "deciding what voters need.").stream().filter(c -> c.cue().equals("saying")).findFirst().orElseThrow();
    assertEquals("A New York judge", judge.speakerText());
    assertEquals("the courts have no business deciding what voters need", judge.content());
    Claim fronted = only("In a widely read column the day before the debate, two Democratic speechwriters implored her "
        + "to bring it back, arguing that it agitated Trump.");
    assertEquals("two Democratic speechwriters", fronted.speakerText());
  }

  @Test
  void anyVerbBeforeAThatClauseIsACue() {
    Claim estimates = only("The Tax Policy Center estimates that the plan would raise $1.1 trillion over the next decade.");
    assertEquals("The Tax Policy Center", estimates.speakerText());
    assertEquals("estimates", estimates.cue());
    assertEquals("the plan would raise $1.1 trillion over the next decade", estimates.content());
    Claim worry = only("But environmentalists worry that the cost of reclaiming the mines could fall to taxpayers.");
    assertEquals("environmentalists", worry.speakerText());
    assertTrue(claims("Newspapers that break with the party line are pressured to reverse course.").isEmpty(),
        "a relative clause, not a statement");
    assertTrue(claims("Unlike many of the Patriot mines that Mr. Clarke acquired, these mines are new.").isEmpty(),
        "a noun before a relative clause is not a cue");
    assertTrue(claims("The rule means that every bank must hold more capital in reserve.").isEmpty(),
        "'means that' reports nobody's statement");
  }

  @Test
  void aStatedIntentionOrRefusal() {
    Claim plans = only("Hillary Clinton plans to call on young people to take part in national service.");
    assertEquals("Hillary Clinton", plans.speakerText());
    assertEquals("plans", plans.cue());
    assertEquals("to call on young people to take part in national service", plans.content());
    assertEquals("refuses", only("Trump refuses to make public his income tax returns.").cue());
    assertTrue(claims("Through a spokesman, the governor declined to comment on the inquiry.").isEmpty(),
        "declining to comment states nothing");
    assertTrue(claims("Trump did not unveil plans to pay for the expansion of the program.").isEmpty(), "a noun 'plans'");
  }

  @Test
  void aQuotationOpeningTheNextSentenceGoesOnWithTheSameSpeaker() {
    List<Claim> found = claims("Mayor Roberts spoke first.\n\n\"It's heartbreaking,\" Ryan said. \"And this country needs "
        + "more listening.\"");
    assertEquals(2, found.size(), found::toString);
    assertEquals("It's heartbreaking", found.get(0).content(), "a short quotation closed by a comma and attributed");
    assertEquals("Ryan", found.get(1).speakerText());
    assertEquals("And this country needs more listening", found.get(1).content());
  }

  @Test
  void aQuotedFragmentInsideAReportedStatementKeepsItsSpeaker() {
    List<Claim> found = claims("Roberts said \"the question is the timing.\" Donald Trump, her Republican opponent, said he "
        + "thought that drugs were a \"very, very big factor\" in the violence.");
    assertTrue(found.stream().anyMatch(c -> "Donald Trump".equals(c.speaker()) && c.content().contains("very, very big factor")),
        found::toString);
    assertTrue(found.stream().noneMatch(c -> "Roberts".equals(c.speaker()) && c.content().contains("factor")),
        "not taken as the previous quotation going on: " + found);
  }

  @Test
  void saidToAListenerIsNotAnInfinitive() {
    Claim c = only("“That’s right, Donald — USA, baby,” Melanie said to the Republican nominee for president.");
    assertEquals("Melanie", c.speakerText());
    assertEquals("That’s right, Donald — USA, baby", c.content());
  }

  @Test
  void aTrailingAttributionWithATimePhrase() {
    Claim c = only("The obsession with the president's birth is an insult to all, top black lawmakers said Friday "
        + "afternoon, as they bristled at the questions.");
    assertEquals("top black lawmakers", c.speakerText());
    assertEquals("The obsession with the president's birth is an insult to all", c.content());
  }

  @Test
  void aRelativeWhichIsTheSource() {
    Claim c = only("The study -- which notes that 58 companies would owe $212 billion in taxes -- should alarm voters.");
    assertEquals("which", c.speakerText());
    assertEquals("58 companies would owe $212 billion in taxes", c.content());
  }

  @Test
  void subjectsBeforeCoordinatedAndParticipleCues() {
    List<Claim> graham = claims("In his speech, Graham urged Republicans to join the ranks of climate change believers, and "
        + "criticized the party’s lack of environmental awareness.");
    assertTrue(graham.stream().anyMatch(c -> c.cue().equals("criticized") && "Graham".equals(c.speakerText())), graham::toString);
    List<Claim> though = claims("Though she called the behavior “outrageous” and called for compensation to be “clawed back” "
        + "for executives, Clinton restricted her comments.");
    assertTrue(though.stream().anyMatch(c -> c.cue().equals("called for") && "she".equals(c.speakerText())), though::toString);
    Claim however = only("On Thursday, however, Trump spoke to a gathering of industry leaders, promising to lift "
        + "environmental regulations.");
    assertEquals("Trump", however.speakerText());
    Claim described = only("Longtime Democratic pollster Pat Caddell said health has been at the forefront of the race.");
    assertEquals("Longtime Democratic pollster Pat Caddell", described.speakerText());
  }

  @Test
  void whereOrWhenSomethingWasSaidIsNotWhatWasSaid() {
    assertTrue(claims("The agency said in a June report.").isEmpty());
    Claim c = only("The Tulsa Police Department said Tuesday the hallucinogen PCP was found in the car.");
    assertEquals("the hallucinogen PCP was found in the car", c.content());
  }

  @Test
  void aGerundCueAfterAPreposition() {
    Claim c = claims("Oz appeared at a Senate hearing for his role in promoting diet aids and for saying that green coffee "
        + "extract was a magic cure.").stream().filter(x -> x.cue().equals("saying")).findFirst().orElseThrow();
    assertEquals("Oz", c.speakerText());
    assertEquals("green coffee extract was a magic cure", c.content());
  }

  @Test
  void aSubjectWithARelativeClause() {
    Claim c = only("A 2014 study that appeared in the British Medical Journal found that medical research did not "
        + "support half of his advice.");
    assertEquals("A 2014 study that appeared in the British Medical Journal", c.speakerText());
    assertEquals("medical research did not support half of his advice", c.content());
  }

  @Test
  void aTrailingParticipleIsTheReportersNotTheSources() {
    Claim c = only("Video shows that Crutcher had his hands in the air, contradicting the earlier account of the police.");
    assertEquals("Crutcher had his hands in the air", c.content());
  }

  @Test
  void aRelativeClauseStatementEndsWhereTheMainVerbComes() {
    List<Claim> found = claims("Mr. Obama, who understood that a legislative push would be fruitless, told his advisers to "
        + "figure out how to cut emissions without Congress.");
    assertEquals(2, found.size(), found::toString);
    assertEquals("a legislative push would be fruitless", found.get(0).content());
    assertEquals("Obama", found.get(0).speaker(), "'who' stands for the name before it");
    assertEquals("told his advisers", found.get(1).cue());
    assertEquals("to figure out how to cut emissions without Congress", found.get(1).content());
  }

  @Test
  void aListedCueOutranksAnInferredOneInsideItsStatement() {
    Claim c = only("Seoul had no reason to fear the pact unless it planned to attack the North, he said.");
    assertEquals("said", c.cue());
    assertEquals("Seoul had no reason to fear the pact unless it planned to attack the North", c.content());
    Claim kremlin = claims("The Kremlin on Thursday dismissed the criticism, saying the agreement was defensive.").stream()
        .filter(x -> x.cue().equals("saying")).findFirst().orElseThrow();
    assertEquals("The Kremlin", kremlin.speakerText(), "the time phrase is not part of the source");
  }

  @Test
  void aStatementNamedByANounTakesItsPossessorAsSource() {
    Claim c = only("Politifact seized on Donald Trump’s claim that there have been thousands of shootings in Chicago.");
    assertEquals("Donald Trump’s", c.speakerText());
    assertEquals("Donald Trump", c.speaker());
    assertEquals("claim", c.cue());
    assertEquals("there have been thousands of shootings in Chicago", c.content());
    List<Claim> his = claims("John Stumpf testified on Tuesday. Senators mocked his repeated emphasis that only 1 percent "
        + "of the staff were fired.");
    assertTrue(his.stream().anyMatch(x -> x.cue().equals("emphasis") && "John Stumpf".equals(x.speaker())), his::toString);
  }

  @Test
  void aParticipleAfterAnInvertedAttributionTakesThatName() {
    Claim c = claims("“This is in their heads,” said Caddell, speaking of Clinton’s health issue.").stream()
        .filter(x -> x.cue().equals("speaking of")).findFirst().orElseThrow();
    assertEquals("Caddell", c.speakerText());
  }

  @Test
  void aCueWordAfterADeterminerIsANoun() {
    assertTrue(claims("Trump made the remarks at a veterans conference in Herndon on Monday.").isEmpty());
    assertTrue(claims("But in July 2012, Patriot failed as predicted by its critics.").isEmpty());
    assertEquals("say", only("Some say the campaign is worried about turnout in Florida.").cue());
  }

  @Test
  void aCueWordAfterAPossessiveIsANoun() {
    Claim c = only("His promises to stick it to the rich notwithstanding, independent analyses agree the top 1 percent "
        + "would gain most.");
    assertEquals("independent analyses", c.speakerText());
    assertEquals("agree", c.cue());
  }

  @Test
  void aNounPhraseSourceWithAPrepositionalPhrase() {
    Claim c = only("The gap grew after leaked documents from his 1995 tax return show he took a massive loss.");
    assertEquals("leaked documents from his 1995 tax return", c.speakerText());
  }

  @Test
  void aParticipleCueWithAListener() {
    Claim c = claims("Kim praised the pact, telling Putin that relations were now stronger than in the Soviet era.").stream()
        .filter(x -> x.cue().startsWith("telling")).findFirst().orElseThrow();
    assertEquals("telling Putin", c.cue());
    assertEquals("relations were now stronger than in the Soviet era", c.content());
  }

  @Test
  void aLabelBeforeAColonOverAStatementWithItsOwnSource() {
    Claim label = only("South Korea: the presidential office says it is watching the summit closely.");
    assertEquals("the presidential office", label.speakerText());
    assertEquals("says", label.cue());
    Claim transcript = only("PENCE: Well, look, Hillary Clinton apparently thinks this is an episode of a show.");
    assertEquals("PENCE", transcript.speakerText(), "a transcript speaker in capitals keeps the line");
  }

  @Test
  void askedNotToBeNamedIsNoStatement() {
    Claim c = only("One researcher who asked not to be named said it is a symbol of closer ties.");
    assertEquals("said", c.cue());
    assertEquals("One researcher who asked not to be named", c.speakerText());
  }

  @Test
  void aDescriptionGoesToThePersonWhoseRoleFitsItBest() {
    List<Claim> found = claims("North Korean leader Kim Jong Un welcomed Russian President Vladimir Putin in Pyongyang.\n\n"
        + "The Russian leader said the clause on mutual aid repeated the Soviet-era treaty.\n\n"
        + "The North Korean leader said the two countries were allies.");
    assertEquals(2, found.size(), found::toString);
    assertEquals("Vladimir Putin", found.get(0).speaker(), "'leader' is of the family of 'President', and he is the Russian");
    assertEquals("Kim Jong Un", found.get(1).speaker());
  }

  @Test
  void aClosingAttributionReportsAllTheClausesOfItsSentence() {
    Claim c = only("Donald Trump could embrace a clean energy policy as president, but only if he can be convinced "
        + "that it is a good business decision, Sen. Lindsey Graham (R-S.C.) told The Huffington Post on Thursday.");
    assertEquals("Sen. Lindsey Graham (R-S.C.)", c.speakerText());
    assertTrue(c.content().startsWith("Donald Trump could embrace"), c.content());
  }

  @Test
  void urgingTakesAListenerOnlyBeforeAnInfinitive() {
    Claim plain = only("Lawmaker urges retaliation on Russia.");
    assertEquals("urges", plain.cue());
    assertEquals("retaliation on Russia", plain.content());
    Claim listener = only("In his speech, Graham urged Republicans to join the ranks of climate change believers.");
    assertEquals("urged Republicans", listener.cue());
  }

  @Test
  void criticismAddressedToSomeone() {
    Claim c = only("Massachusetts Sen. Elizabeth Warren grilled Wells Fargo CEO John Stumpf on Tuesday for his role in the scandal.");
    assertEquals("grilled", c.cue());
    assertEquals("Elizabeth Warren", c.speaker());
  }

  @Test
  void anAttributionBetweenSubjectAndVerbReportsTheWholeSentence() {
    Claim c = only("The economy, analysts say, is slowing sharply this year.");
    assertEquals("analysts", c.speakerText());
    assertEquals("The economy, analysts say, is slowing sharply this year", c.content());
  }

  @Test
  void aLongListenerBeforeAQuotation() {
    Claim c = only("Rudenko told Russian news agency Sputnik in an interview, “I believe that such a visit will take "
        + "place as soon as possible.”");
    assertEquals("Rudenko", c.speakerText());
    assertTrue(c.direct());
    Claim listener = only("Rudenko told Russian news agency Sputnik that the visit would take place soon.");
    assertEquals("told Russian news agency Sputnik", listener.cue());
  }

  @Test
  void anAdverbOpeningTheSentenceIsNoSubject() {
    Claim c = only("Importantly, the agreement is aligned with international law, emphasizing a non-confrontational approach.");
    assertEquals("the agreement", c.speakerText());
  }

  @Test
  void aQuotationSignedWithADash() {
    Claim c = only("“He represents our greatest shame.” ― Sonya Herridge");
    assertEquals("Sonya Herridge", c.speakerText());
    assertEquals("―", c.cue());
    assertEquals("He represents our greatest shame", c.content());
  }

  @Test
  void aProgressiveCue() {
    Claim c = only("Hillary Clinton is stressing that her plans will solve the problems facing families.");
    assertEquals("Hillary Clinton", c.speaker());
    assertEquals("stressing", c.cue());
    assertEquals("her plans will solve the problems facing families", c.content());
  }

  @Test
  void aQuotedStatementInsideAReportedOne() {
    List<Claim> found = claims("Kerr Putney, the police chief, said that the footage did not settle it, but he said "
        + "the evidence \"supports what we've heard\" about the shooting.");
    assertEquals(2, found.size(), found::toString);
    assertEquals("Kerr Putney", found.get(0).speakerText());
    assertTrue(found.stream().anyMatch(c -> c.direct() && c.content().equals("supports what we've heard")), found::toString);
  }

  @Test
  void aSecondVerbOfTheSubject() {
    Claim c = only("Donald Trump bemoaned the unrest in Charlotte and said drugs were a big factor in the violence.");
    assertEquals("Donald Trump", c.speaker());
    assertEquals("drugs were a big factor in the violence", c.content());
  }

  @Test
  void twoStatementsOfOneSubject() {
    List<Claim> found = claims("Authorities announced the arrest of a man in the shooting and said a curfew would continue.");
    assertEquals(List.of("the arrest of a man in the shooting", "a curfew would continue"),
        found.stream().map(Claim::content).toList());
    assertEquals(List.of("Authorities", "Authorities"), found.stream().map(Claim::speakerText).toList());
  }

  @Test
  void sourcesAfterAFrontedPhraseOrASubordinator() {
    assertEquals("Trump", only("In a Bloomberg interview Trump declared that NATO may be obsolete.").speakerText());
    assertEquals("he", only("No estimate was given, though he said the collection of unpaid taxes would pay for it.").speakerText());
    assertEquals("The average of polls taken over the past two weeks in the four states",
        only("The average of polls taken over the past two weeks in the four states shows Clinton leading by three points.").speakerText());
  }

  @Test
  void aParticipleAfterAQuotationTakesItsSpeaker() {
    List<Claim> found = claims("“We do not see a link to terrorism,” the mayor said, adding that it would take more hours.");
    assertEquals(2, found.size(), found::toString);
    assertEquals("the mayor", found.get(1).speakerText());
    assertEquals("it would take more hours", found.get(1).content());
  }

  @Test
  void aPledgeIsAClaimButAnExpectationIsNot() {
    assertEquals("to push for a constitutional amendment", only("Clinton pledged to push for a constitutional amendment.").content());
    assertTrue(claims("Prices are expected to rise next year.").isEmpty());
  }

  @Test
  void wordsThatOnlyLookLikeCues() {
    assertTrue(claims("He declined to say when the visit might happen.").isEmpty(), "an infinitive states nothing");
    assertTrue(claims("The question of a return trip was raised by Vladimir Putin himself.").isEmpty(), "a noun, not a cue");
    assertTrue(claims("The country found itself at war within a year of the treaty.").isEmpty(), "a reflexive, not a finding");
    assertTrue(claims("Photo: Waves crash over the sea wall at Port Ellis on Thursday evening.").isEmpty(), "a caption");
    assertTrue(claims("Riverside City: Carter; Mensah, Holt, Varga; Osei, Silva; Fofana, Lund.").isEmpty(), "a line-up");
  }

  @Test
  void theWordsBeforeThatAreContentUnlessTheyAreAnAdverbial() {
    List<Claim> found = claims("Western analysts have questioned Moscow's insistence that the treaty is purely defensive.");
    assertEquals("Moscow's insistence that the treaty is purely defensive", found.get(0).content());
    assertEquals("Western analysts", found.get(0).speakerText());
    // What Moscow insists on is Moscow's statement, nested in the analysts' one; never the analysts'.
    assertEquals(2, found.size(), found::toString);
    assertEquals("Moscow", found.get(1).speaker());
    assertEquals("the treaty is purely defensive", found.get(1).content());
    assertEquals("the treaty was defensive", only("Peskov said on Monday that the treaty was defensive.").content());
  }

  @Test
  void aStatementBeforeItsSourceAndAParticiple() {
    List<Claim> found = claims("Any such deliveries would be an unfriendly step, Dmitry Peskov said, adding that Russia hoped Seoul would reconsider.");
    assertEquals(List.of("Any such deliveries would be an unfriendly step", "Russia hoped Seoul would reconsider"),
        found.stream().map(Claim::content).toList());
    assertEquals("Dmitry Peskov", found.get(1).speakerText(), "the one who just spoke, not the sentence's first word");
  }

  @Test
  void aLongListenerAndADatelineBeforeTheSubject() {
    assertEquals("told a news conference in the Vietnamese capital",
        only("Vladimir Putin told a news conference in the Vietnamese capital that the treaty was not new.").cue());
    Claim bank = only("OSTRAVIK, June 20 (Interwire) - Norland's central bank held rates on Thursday but said inflation could fall soon.");
    assertEquals("Norland", bank.speakerText());
  }

  @Test
  void aRelativePronounSpeaksForItsAntecedent() {
    Claim c = only("The senator met Mitch McConnell, who said the party's goal was to win the Senate.");
    assertEquals("who", c.speakerText());
    assertEquals("Mitch McConnell", c.speaker());
  }

  @Test
  void aQuotedShowTitleIsNotAStatement() {
    Claim c = only("On “Face the Nation,” Paul Ryan said the shootings demand more listening.");
    assertEquals("Paul Ryan", c.speaker());
    assertEquals("the shootings demand more listening", c.content());
  }

  @Test
  void quotationWithTheCueFirst() {
    Claim c = only("“The visit was a working encounter,” said Dmitry Peskov, the Kremlin spokesman.");
    assertEquals("Dmitry Peskov", c.speaker());
    assertEquals("Dmitry Peskov", c.speakerText());
  }

  @Test
  void quotationIntroducedBeforeWithAColon() {
    Claim c = only("Andrey Rudenko told the agency: “This is not aimed at South Korea or a third country.”");
    assertEquals("Andrey Rudenko", c.speaker());
    assertEquals("This is not aimed at South Korea or a third country", c.content());
  }

  @Test
  void reportedSpeechWithThat() {
    Claim c = only("Roman Lobov said that the treaty was a step toward stabilisation on the Korean Peninsula.");
    assertEquals("Roman Lobov", c.speaker());
    assertEquals("the treaty was a step toward stabilisation on the Korean Peninsula", c.content());
    assertFalse(c.direct());
  }

  @Test
  void reportedSpeechWithAListener() {
    Claim c = only("Yury Ushakov told reporters the agreement was not directed against anyone.");
    assertEquals("Yury Ushakov", c.speaker());
    assertEquals("told reporters", c.cue());
    assertEquals("the agreement was not directed against anyone", c.content());
  }

  @Test
  void speakerAtTheEndOfTheSentence() {
    Claim c = only("The pact will temper tensions in the region, an official from Russia's delegation said.");
    assertNull(c.speaker(), "an unnamed source stays unnamed");
    assertEquals("an official from Russia's delegation", c.speakerText());
    assertEquals("The pact will temper tensions in the region", c.content());
  }

  @Test
  void accordingTo() {
    Claim c = only("According to Roman Lobov, the agreement answers the cooperation of Washington, Seoul and Tokyo.");
    assertEquals("Roman Lobov", c.speaker());
    assertEquals("According to", c.cue());
    Claim after = only("The treaty takes effect after ratification, according to the Kremlin.");
    assertEquals("The treaty takes effect after ratification", after.content());
  }

  @Test
  void pronounsAndDescriptionsFindTheirSpeaker() {
    List<Claim> found = claims("Russian expert Roman Lobov spoke to TASS on Friday. "
        + "He said the documents were not aimed against third countries. "
        + "The expert added that the visit had been carefully prepared.");
    assertEquals(2, found.size(), found.toString());
    assertEquals("Roman Lobov", found.get(0).speaker());
    assertEquals("He", found.get(0).speakerText());
    assertEquals("Roman Lobov", found.get(1).speaker());
    assertEquals("The expert", found.get(1).speakerText());
  }

  @Test
  void aQuotedParagraphTakesTheSpeakerNamedNearIt() {
    List<Claim> found = claims("“We reached an alliance,” Kim Jong Un said at the banquet.\n\n“Our relations have never been closer.”");
    assertEquals(2, found.size(), found.toString());
    assertEquals("Kim Jong Un", found.get(1).speaker());
    assertTrue(found.get(1).direct());
  }

  @Test
  void aParticipleTakesTheSubjectOfTheSentence() {
    Claim c = only("Andrey Rudenko spoke to Sputnik on Tuesday, saying the visit would happen when conditions align.");
    assertEquals("Andrey Rudenko", c.speaker());
    assertEquals("saying", c.cue());
    assertEquals("the visit would happen when conditions align", c.content());
  }

  @Test
  void eachClauseMayHaveItsOwnSpeaker() {
    List<Claim> found = claims("Vladimir Putin said the treaty was defensive, while Kim Jong Un said the two countries were allies.");
    assertEquals(2, found.size(), found.toString());
    assertEquals("Vladimir Putin", found.get(0).speaker());
    assertEquals("the treaty was defensive", found.get(0).content());
    assertEquals("Kim Jong Un", found.get(1).speaker());
  }

  @Test
  void unnamedGroupsAreSourcesWithoutASpeaker() {
    Claim c = only("Senior South Korean officials said the pact threatened the region.");
    assertEquals("Senior South Korean officials", c.speakerText());
    assertNull(c.speaker(), "officials of a country are not the country");
    Claim plural = only("Federal prosecutors said the developers misused the money.");
    assertEquals("Federal prosecutors", plural.speakerText());
  }

  @Test
  void aDatelineDashEndsTheSourceAndGroupsCanSpeak() {
    Claim c = only("SEOUL, June 20 (Wire) - North Korean leader Kim Jong Un said on Tuesday that the treaty was a historic step.");
    assertEquals("Kim Jong Un", c.speaker());
    assertEquals("the treaty was a historic step", c.content());
    Claim media = only("The treaty was “a historic step for both countries,” state media reported.");
    assertEquals("state media", media.speakerText());
    assertNull(media.speaker());
  }

  @Test
  void notEveryVerbOrQuoteIsAClaim() {
    assertTrue(claims("The agreement is expected to serve as a cornerstone of relations.").isEmpty());
    assertTrue(claims("Putin paid a state visit to Pyongyang on June 18 and 19.").isEmpty());
    assertTrue(claims("The band played “Wide Is My Motherland” at the ceremony.").isEmpty(), "a title in quotes is no statement");
  }

  @Test
  void longLineIsExtractedInBoundedUnits() {
    // Issue 11: one line far longer than the sentence and paragraph caps, with no sentence end in
    // thousands of words before each statement.
    String filler = "the council went over the budget for roads and schools and the library ".repeat(400).strip();
    String text = filler + " “We will reopen the bridge in May,” Mayor Dana Reyes said. " + filler
        + ". Reyes said the repairs would cost less than planned.";
    assertTrue(text.length() > 2 * Speakers.MAX_PARAGRAPH_CHARS);
    List<Claim> found = claims(text);
    assertEquals(2, found.size(), found::toString);
    int[] cps = text.codePoints().toArray();
    for (Claim c : found) {
      assertEquals(c.content(), new String(cps, c.start(), c.end() - c.start()), "content offsets");
      assertEquals("Dana Reyes", c.speaker());
    }
    assertEquals("We will reopen the bridge in May", found.get(0).content());
    assertEquals(text.codePointCount(0, text.indexOf("We will")), found.get(0).start());
    assertEquals("the repairs would cost less than planned", found.get(1).content());
    assertEquals(text.codePointCount(0, text.indexOf("the repairs")), found.get(1).start());
  }

  @Test
  void paragraphsLongerThanTheCapCountAsSeveral() {
    String blank = "A short one.\n\nAnother.";
    assertEquals(1, Speakers.paragraphsBetween(blank, 0, blank.length(), 5));
    assertEquals(blank.indexOf("Another"), Speakers.paragraphStart(blank, blank.indexOf("Another") + 3));
    String line = "Words and more words. ".repeat(3 * Speakers.MAX_PARAGRAPH_CHARS / 22);
    assertEquals(2, Speakers.paragraphsBetween(line, 0, line.length(), 5));
    assertEquals(1, Speakers.paragraphsBetween(line, 0, line.length(), 0), "counts no further than asked");
    // Without a blank line within the cap, the paragraph starts after the first sentence end in reach.
    int at = line.length() - 5;
    int start = Speakers.paragraphStart(line, at);
    assertTrue(at - start <= Speakers.MAX_PARAGRAPH_CHARS && at - start > Speakers.MAX_PARAGRAPH_CHARS - 22, () -> "start " + start);
    assertTrue(line.startsWith("Words", start));
  }

  @Test
  void aNegatedCueIsMarkedAndItsNegationIsPartOfTheCue() {
    Claim c = only("Mayor Jane Roe did not say that the pier would close.");
    assertTrue(c.negated(), c.toString());
    assertEquals("did not say", c.cue());
    assertEquals("the pier would close", c.content());
    int[] cps = "Mayor Jane Roe did not say that the pier would close.".codePoints().toArray();
    assertEquals("did not say", new String(cps, c.cueStart(), c.cueEnd() - c.cueStart()), "cue offsets");

    Claim never = only("Ferry operator Tom Lake has never claimed that the boats were safe.");
    assertTrue(never.negated(), never.toString());
    assertEquals("has never claimed", never.cue());
  }

  @Test
  void aNegationInsideTheContentOrAQuotationDoesNotNegateTheCue() {
    Claim inContent = only("Mayor Jane Roe said the pier would not close.");
    assertFalse(inContent.negated(), inContent.toString());
    assertEquals("said", inContent.cue());
    Claim quoted = only("\u201cWe will not close the pier,\u201d Mayor Jane Roe said.");
    assertFalse(quoted.negated(), quoted.toString());
  }
}
