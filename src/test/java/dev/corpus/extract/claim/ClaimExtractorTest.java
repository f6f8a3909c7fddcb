package dev.corpus.extract.claim;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
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

  /** The rules alone, for what the rules decide; the shipped extractor adds the tagger's statements. */
  private static final ClaimExtractor RULES = ClaimExtractor.rulesOnly();

  /**
   * Whether {@code corpus claims} lists {@code c} by default: a statement or a position, not
   * negated and not denied. A refusal ("declined to say …") may be found, as an intention.
   */
  private static boolean listed(Claim c) {
    return (c.kind() == ClaimKind.STATEMENT || c.kind() == ClaimKind.POSITION) && !c.negated() && !c.denies();
  }

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
    Claim c = only("“The harbour comes first,” Mr. Okafor said.");
    assertEquals("Mr. Okafor", c.speakerText());
    assertEquals("Okafor", c.speaker(), "the honorific makes the unknown surname a person");
    Claim told = only("''We never missed a tide,'' Mr. Lindqvist, 79, told me.");
    assertEquals("Mr. Lindqvist", told.speakerText());
  }

  @Test
  void aNameWithALongAppositionBeforeTheCue() {
    Claim c = only("Oskar Pellham, of Duluth, Minn., said he had rowed across the lake for the town's fund.");
    assertEquals("Oskar Pellham", c.speakerText());
    assertEquals("he had rowed across the lake for the town's fund", c.content());
    Claim relative = only("Tamsin Hale, a baker and spokeswoman for the Valley Growers Guild, which is made up "
        + "of farmers and millers, said most of the harvest arrived late.");
    assertEquals("Tamsin Hale", relative.speakerText());
    Claim dashes = only("Brill -- co-author of Rivers of Salt, a book tracing the trade -- said the merchants "
        + "tended to meet at the docks.");
    assertEquals("Brill", dashes.speakerText());
    Claim quoted = only("“It’s a raid on the county water fund,” Lena Varga, the independent treasurer "
        + "of Marlow County, one of the counties suing the board, said.");
    assertEquals("Lena Varga", quoted.speakerText());
    assertTrue(quoted.direct());
    Claim trailing = only("The program needs more oversight, Ronald Smith, an official of the mayors' conference, said.");
    assertEquals("Ronald Smith", trailing.speakerText());
    assertEquals("The program needs more oversight", trailing.content());
  }

  @Test
  void aClauseBetweenCommasIsNotAnApposition() {
    String text = "Trump, who was campaigning in Ohio, was asked about it and Clinton, the nominee, laughed.";
    assertTrue(RULES.extract(text, ENTITIES.find(text)).isEmpty(), "a verb outside the relative clause: no source before a cue");
  }

  @Test
  void aTimePhraseBetweenSourceAndCue() {
    Claim c = only("Trump on Monday said the deal was a disaster for American workers.");
    assertEquals("Trump", c.speakerText());
    assertEquals("the deal was a disaster for American workers", c.content());
    List<Claim> who = claims("Alvarez met Brennan, who in 2019 said the guild's main aim was to outvote him.");
    assertEquals(1, who.size(), who::toString);
    assertEquals("Brennan", who.get(0).speaker());
  }

  @Test
  void aSubjectJoinedByAnd() {
    Claim c = only("Specialists in coastal erosion and river management said the new wall could help.");
    assertEquals("Specialists in coastal erosion and river management", c.speakerText());
  }

  @Test
  void mixedQuotationMarksCloseAtTheirParagraph() {
    List<Claim> found = claims("The fire chief said there was “no sign\" yet of arson.\n\n"
        + "\"We do not see any link to arson,\" the fire chief said, adding that the lab would need \"more days” before results come.\n\n"
        + "“Budget cuts must not be the answer,\" Priya Nandakumar said.");
    assertTrue(found.stream().anyMatch(c -> c.content().equals("We do not see any link to arson") && c.direct()), found::toString);
    assertTrue(found.stream().anyMatch(c -> c.content().equals("Budget cuts must not be the answer")
        && "Priya Nandakumar".equals(c.speakerText())), found::toString);
  }

  @Test
  void aNoBreakSpaceEndsASentenceLikeAnyOther() {
    List<Claim> found = claims("But Carla Dunmore said farmers still want local markets.\u00a0\n“Nobody wants to drive "
        + "their crops to a distant depot,” Dunmore said.");
    assertEquals(2, found.size(), found::toString);
    assertEquals("farmers still want local markets", found.get(0).content());
  }

  @Test
  void aHeadlineInTitleCaseHasACapitalisedCue() {
    Claim before = only("Okafor Says Harbour Museum Will Tell of Storms and Harvests.");
    assertEquals("Okafor", before.speakerText());
    assertEquals("Says", before.cue());
    assertEquals("Harbour Museum Will Tell of Storms and Harvests", before.content());
    Claim after = only("Council Kept Flood Reports From Residents, Former City Engineer Says.");
    assertEquals("Former City Engineer", after.speakerText());
    assertTrue(claims("Said Ahmed was born in Cairo and moved to Paris in 1990.").isEmpty(),
        "outside a title-case line a capitalised cue word is a name");
  }

  @Test
  void anInvertedCueBeforeAColon() {
    Claim c = only("Said Marsh: “I don’t think he’s even slightly curious about the ferry timetable.”");
    assertEquals("Marsh", c.speakerText());
    assertEquals("Said", c.cue());
    assertEquals("I don’t think he’s even slightly curious about the ferry timetable", c.content());
    assertTrue(c.direct());
  }

  @Test
  void aSecondSubjectWithItsOwnCueEndsTheFirstStatement() {
    List<Claim> found = claims("But Brandt said the rehearsals would be much longer — and he noted that the premiere would "
        + "move two weeks into the spring.");
    assertEquals(2, found.size(), found::toString);
    assertEquals("the rehearsals would be much longer", found.get(0).content());
    assertEquals("he", found.get(1).speakerText());
    assertEquals("the premiere would move two weeks into the spring", found.get(1).content());
  }

  @Test
  void aParticipleCueTakesANounPhraseSubject() {
    Claim judge = claims("A Dublin magistrate refused a press request to release the tapes, saying the bench has no role "
        + "judging what readers want.").stream().filter(c -> c.cue().equals("saying")).findFirst().orElseThrow();
    assertEquals("A Dublin magistrate", judge.speakerText());
    assertEquals("the bench has no role judging what readers want", judge.content());
    Claim fronted = only("In a widely shared letter the week before the vote, three veteran organisers implored him "
        + "to drop the plan, arguing that it annoyed the members.");
    assertEquals("three veteran organisers", fronted.speakerText());
  }

  @Test
  void anyVerbBeforeAThatClauseIsACue() {
    Claim estimates = only("The Harbour Budget Office estimates that the levy would raise $4.2 million over the next five years.");
    assertEquals("The Harbour Budget Office", estimates.speakerText());
    assertEquals("estimates", estimates.cue());
    assertEquals("the levy would raise $4.2 million over the next five years", estimates.content());
    Claim worry = only("But residents worry that the cost of dredging the channel could fall to them.");
    assertEquals("residents", worry.speakerText());
    assertTrue(claims("Shops that break with the guild's prices are pushed to fall back in line.").isEmpty(),
        "a relative clause, not a statement");
    assertTrue(claims("Unlike most of the river mills that Ms. Dorsey bought, these mills are modern.").isEmpty(),
        "a noun before a relative clause is not a cue");
    assertTrue(claims("The rule means that every bank must hold more capital in reserve.").isEmpty(),
        "'means that' reports nobody's statement");
  }

  @Test
  void aStatedIntentionOrRefusal() {
    Claim plans = only("Ines Falk plans to ask retired teachers to join the tutoring scheme.");
    assertEquals("Ines Falk", plans.speakerText());
    assertEquals("plans", plans.cue());
    assertEquals("to ask retired teachers to join the tutoring scheme", plans.content());
    assertEquals("refuses", only("Varga refuses to make public her travel expenses.").cue());
    assertTrue(claims("Through an aide, the bishop declined to comment on the audit.").stream().noneMatch(ClaimExtractorTest::listed),
        "declining to comment states nothing");
    assertTrue(claims("Varga did not unveil plans to fund the extension of the tram line.").isEmpty(), "a noun 'plans'");
  }

  @Test
  void aQuotationOpeningTheNextSentenceGoesOnWithTheSameSpeaker() {
    List<Claim> found = claims("Dean Alcott spoke first.\n\n\"It's a shame,\" Moreau said. \"And this town needs "
        + "more patience.\"");
    assertEquals(2, found.size(), found::toString);
    assertEquals("It's a shame", found.get(0).content(), "a short quotation closed by a comma and attributed");
    assertEquals("Moreau", found.get(1).speakerText());
    assertEquals("And this town needs more patience", found.get(1).content());
  }

  @Test
  void aQuotedFragmentInsideAReportedStatementKeepsItsSpeaker() {
    List<Claim> found = claims("Alcott said \"the issue is the cost.\" Helena Moreau, her Liberal rival, said she "
        + "thought that delays were a \"very, very big problem\" in the project.");
    assertTrue(found.stream().anyMatch(c -> "Helena Moreau".equals(c.speaker()) && c.content().contains("very, very big problem")),
        found::toString);
    assertTrue(found.stream().noneMatch(c -> "Alcott".equals(c.speaker()) && c.content().contains("problem")),
        "not taken as the previous quotation going on: " + found);
  }

  @Test
  void saidToAListenerIsNotAnInfinitive() {
    Claim c = only("“That’s it, Marco — home, at last,” Giulia said to the Liberal candidate for mayor.");
    assertEquals("Giulia", c.speakerText());
    assertEquals("That’s it, Marco — home, at last", c.content());
  }

  @Test
  void aTrailingAttributionWithATimePhrase() {
    Claim c = only("The fixation on the mayor's accent is an insult to everyone, senior city councillors said Monday "
        + "evening, as they left the chamber.");
    assertEquals("senior city councillors", c.speakerText());
    assertEquals("The fixation on the mayor's accent is an insult to everyone", c.content());
  }

  @Test
  void aRelativeWhichIsTheSource() {
    Claim c = only("The audit -- which notes that 14 clinics would lose $3 million in grants -- should worry patients.");
    assertEquals("which", c.speakerText());
    assertEquals("14 clinics would lose $3 million in grants", c.content());
  }

  @Test
  void subjectsBeforeCoordinatedAndParticipleCues() {
    List<Claim> address = claims("In her address, Okafor urged members to join the ranks of cycling advocates, and "
        + "criticized the council’s lack of safe lanes.");
    assertTrue(address.stream().anyMatch(c -> c.cue().equals("criticized") && "Okafor".equals(c.speakerText())), address::toString);
    List<Claim> though = claims("Though he called the fees “absurd” and called for refunds to be “paid in full” "
        + "for tenants, Moreau limited his remarks.");
    assertTrue(though.stream().anyMatch(c -> c.cue().equals("called for") && "he".equals(c.speakerText())), though::toString);
    Claim however = only("On Monday, however, Varga spoke to a meeting of shop owners, promising to cut "
        + "parking fees.");
    assertEquals("Varga", however.speakerText());
    Claim described = only("Veteran Liberal strategist Nora Pike said housing has been at the centre of the campaign.");
    assertEquals("Veteran Liberal strategist Nora Pike", described.speakerText());
  }

  @Test
  void whereOrWhenSomethingWasSaidIsNotWhatWasSaid() {
    assertTrue(claims("The ministry said in an April bulletin.").isEmpty());
    Claim c = only("The Dover Fire Service said Tuesday the faulty heater was found in the basement.");
    assertEquals("the faulty heater was found in the basement", c.content());
  }

  @Test
  void aGerundCueAfterAPreposition() {
    Claim c = claims("Lund appeared at a council hearing for her role in selling herbal teas and for saying that nettle "
        + "broth was a miracle remedy.").stream().filter(x -> x.cue().equals("saying")).findFirst().orElseThrow();
    assertEquals("Lund", c.speakerText());
    assertEquals("nettle broth was a miracle remedy", c.content());
  }

  @Test
  void aSubjectWithARelativeClause() {
    Claim c = only("A 2019 survey that appeared in the Northern Farming Review found that soil tests did not "
        + "back most of her claims.");
    assertEquals("A 2019 survey that appeared in the Northern Farming Review", c.speakerText());
    assertEquals("soil tests did not back most of her claims", c.content());
  }

  @Test
  void aTrailingParticipleIsTheReportersNotTheSources() {
    Claim c = only("Footage shows that Brandt had his bag on his shoulder, contradicting the first statement of the guards.");
    assertEquals("Brandt had his bag on his shoulder", c.content());
  }

  @Test
  void aRelativeClauseStatementEndsWhereTheMainVerbComes() {
    List<Claim> found = claims("Ms. Okafor, who understood that a council vote would be hopeless, told her aides to "
        + "find a way to fix the roads without the council.");
    assertEquals(2, found.size(), found::toString);
    assertEquals("a council vote would be hopeless", found.get(0).content());
    assertEquals("Okafor", found.get(0).speaker(), "'who' stands for the name before it");
    assertEquals("told her aides", found.get(1).cue());
    assertEquals("to find a way to fix the roads without the council", found.get(1).content());
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
    Claim c = only("Fact checkers seized on Helena Moreau’s claim that there have been hundreds of burglaries in Leeds.");
    assertEquals("Helena Moreau’s", c.speakerText());
    assertEquals("Helena Moreau", c.speaker());
    assertEquals("claim", c.cue());
    assertEquals("there have been hundreds of burglaries in Leeds", c.content());
    List<Claim> his = claims("Paul Okonkwo testified on Monday. Councillors mocked his repeated emphasis that only 2 percent "
        + "of the loans had failed.");
    assertTrue(his.stream().anyMatch(x -> x.cue().equals("emphasis") && "Paul Okonkwo".equals(x.speaker())), his::toString);
  }

  @Test
  void aParticipleAfterAnInvertedAttributionTakesThatName() {
    Claim c = claims("“This is all in their minds,” said Pike, speaking of the council’s budget worries.").stream()
        .filter(x -> x.cue().equals("speaking of")).findFirst().orElseThrow();
    assertEquals("Pike", c.speakerText());
  }

  @Test
  void aCueWordAfterADeterminerIsANoun() {
    assertTrue(claims("Trump made the remarks at a veterans conference in Herndon on Monday.").isEmpty());
    assertTrue(claims("But in March 2018, the mill closed as predicted by its critics.").isEmpty());
    assertEquals("say", only("Some say the campaign is worried about turnout in Florida.").cue());
  }

  @Test
  void aCueWordAfterAPossessiveIsANoun() {
    Claim c = only("Her promises to go after the landlords notwithstanding, independent reviews agree the largest owners "
        + "would gain most.");
    assertEquals("independent reviews", c.speakerText());
    assertEquals("agree", c.cue());
  }

  @Test
  void aNounPhraseSourceWithAPrepositionalPhrase() {
    Claim c = only("The row grew after leaked pages from her 2011 expense report show she billed a private trip.");
    assertEquals("leaked pages from her 2011 expense report", c.speakerText());
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
    Claim transcript = only("HARGREAVE: Well, look, Mayor Dunmore apparently thinks this is a game of chess.");
    assertEquals("HARGREAVE", transcript.speakerText(), "a transcript speaker in capitals keeps the line");
  }

  @Test
  void askedNotToBeNamedIsNoStatement() {
    Claim c = only("One researcher who asked not to be named said it is a symbol of closer ties.");
    assertEquals("said", c.cue());
    assertEquals("One researcher who asked not to be named", c.speakerText());
  }

  @Test
  void aDescriptionGoesToThePersonWhoseRoleFitsItBest() {
    List<Claim> found = claims("Chilean leader Ana Ferreyra welcomed Peruvian President Luis Carranza in Santiago.\n\n"
        + "The Peruvian leader said the clause on fishing rights repeated the old accord.\n\n"
        + "The Chilean leader said the two countries were partners.");
    assertEquals(2, found.size(), found::toString);
    assertEquals("Luis Carranza", found.get(0).speaker(), "'leader' is of the family of 'President', and he is the Peruvian");
    assertEquals("Ana Ferreyra", found.get(1).speaker());
  }

  @Test
  void aClosingAttributionReportsAllTheClausesOfItsSentence() {
    Claim c = only("The mayor could back a car-free centre as a trial, but only if she can be persuaded "
        + "that it is good for trade, Rep. Owen Marsh (D-Ore.) told The Coastal Herald on Friday.");
    assertEquals("Rep. Owen Marsh (D-Ore.)", c.speakerText());
    assertTrue(c.content().startsWith("The mayor could back"), c.content());
  }

  @Test
  void urgingTakesAListenerOnlyBeforeAnInfinitive() {
    Claim plain = only("Councillor urges review of parking fines.");
    assertEquals("urges", plain.cue());
    assertEquals("review of parking fines", plain.content());
    Claim listener = only("In her address, Okafor urged members to join the ranks of cycling advocates.");
    assertEquals("urged members", listener.cue());
  }

  @Test
  void criticismAddressedToSomeone() {
    Claim c = only("Ontario MP Helena Moreau grilled Northway Bank CEO Paul Okonkwo on Monday for his role in the losses.");
    assertEquals("grilled", c.cue());
    assertEquals("Helena Moreau", c.speaker());
  }

  @Test
  void anAttributionBetweenSubjectAndVerbReportsTheWholeSentence() {
    Claim c = only("The economy, analysts say, is slowing sharply this year.");
    assertEquals("analysts", c.speakerText());
    assertEquals("The economy, analysts say, is slowing sharply this year", c.content());
  }

  @Test
  void aLongListenerBeforeAQuotation() {
    Claim c = only("Okafor told Dutch broadcaster NOS in an interview, “I expect that the bridge will reopen "
        + "before the winter.”");
    assertEquals("Okafor", c.speakerText());
    assertTrue(c.direct());
    Claim listener = only("Okafor told Dutch broadcaster NOS that the bridge would reopen soon.");
    assertEquals("told Dutch broadcaster NOS", listener.cue());
  }

  @Test
  void anAdverbOpeningTheSentenceIsNoSubject() {
    Claim c = only("Notably, the charter is consistent with regional rules, emphasizing a cooperative tone.");
    assertEquals("the charter", c.speakerText());
  }

  @Test
  void aQuotationSignedWithADash() {
    Claim c = only("“She remains our finest teacher.” ― Idris Calloway");
    assertEquals("Idris Calloway", c.speakerText());
    assertEquals("―", c.cue());
    assertEquals("She remains our finest teacher", c.content());
  }

  @Test
  void aProgressiveCue() {
    Claim c = only("Helena Moreau is stressing that her budget will ease the pressure on renters.");
    assertEquals("Helena Moreau", c.speaker());
    assertEquals("stressing", c.cue());
    assertEquals("her budget will ease the pressure on renters", c.content());
  }

  @Test
  void aQuotedStatementInsideAReportedOne() {
    List<Claim> found = claims("Ada Lindgren, the fire chief, said that the report did not settle it, but she said "
        + "the findings \"match what we've seen\" about the blaze.");
    assertEquals(2, found.size(), found::toString);
    assertEquals("Ada Lindgren", found.get(0).speakerText());
    assertTrue(found.stream().anyMatch(c -> c.direct() && c.content().equals("match what we've seen")), found::toString);
  }

  @Test
  void aSecondVerbOfTheSubject() {
    Claim c = only("Helena Moreau toured the clinics in Hamilton and said staffing was a big factor in the backlog.");
    assertEquals("Helena Moreau", c.speaker());
    assertEquals("staffing was a big factor in the backlog", c.content());
  }

  @Test
  void twoStatementsOfOneSubject() {
    List<Claim> found = claims("Officials announced the closure of a school in the district and said the buses would stop.");
    assertEquals(List.of("the closure of a school in the district", "the buses would stop"),
        found.stream().map(Claim::content).toList());
    assertEquals(List.of("Officials", "Officials"), found.stream().map(Claim::speakerText).toList());
  }

  @Test
  void sourcesAfterAFrontedPhraseOrASubordinator() {
    assertEquals("Moreau", only("In a radio interview Moreau declared that the treaty may be outdated.").speakerText());
    assertEquals("she", only("No figure was given, though she said the sale of surplus land would cover it.").speakerText());
    assertEquals("The average of surveys taken over the past three months in the five regions",
        only("The average of surveys taken over the past three months in the five regions shows Moreau ahead by four points.").speakerText());
  }

  @Test
  void aParticipleAfterAQuotationTakesItsSpeaker() {
    List<Claim> found = claims("“We do not see any link to arson,” the fire chief said, adding that the lab would need more days.");
    assertEquals(2, found.size(), found::toString);
    assertEquals("the fire chief", found.get(1).speakerText());
    assertEquals("the lab would need more days", found.get(1).content());
  }

  @Test
  void aPledgeIsAClaimButAnExpectationIsNot() {
    assertEquals("to press for a ban on trawling", only("Moreau pledged to press for a ban on trawling.").content());
    assertTrue(claims("Prices are expected to rise next year.").isEmpty());
  }

  @Test
  void wordsThatOnlyLookLikeCues() {
    assertTrue(claims("He declined to say when the visit might happen.").stream().noneMatch(ClaimExtractorTest::listed),
        "a refusal states nothing");
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
    Claim c = only("Helena Moreau told the agency: “This is not aimed at our neighbours or anyone else.”");
    assertEquals("Helena Moreau", c.speaker());
    assertEquals("This is not aimed at our neighbours or anyone else", c.content());
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
    Claim c = only("The accord will ease tensions along the border, an official from Chile's delegation said.");
    assertNull(c.speaker(), "an unnamed source stays unnamed");
    assertEquals("an official from Chile's delegation", c.speakerText());
    assertEquals("The accord will ease tensions along the border", c.content());
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
    List<Claim> found = claims("Dutch economist Pieter Raaijmakers spoke to NOS on Friday. "
        + "He said the figures were not meant to alarm anyone. "
        + "The economist added that the report had been carefully checked.");
    assertEquals(2, found.size(), found.toString());
    assertEquals("Pieter Raaijmakers", found.get(0).speaker());
    assertEquals("He", found.get(0).speakerText());
    assertEquals("Pieter Raaijmakers", found.get(1).speaker());
    assertEquals("The economist", found.get(1).speakerText());
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
    Claim c = only("LIMA, June 20 (Wire) - Peruvian President Luis Carranza said on Tuesday that the accord was a decisive moment.");
    assertEquals("Luis Carranza", c.speaker());
    assertEquals("the accord was a decisive moment", c.content());
    Claim media = only("The accord was “a decisive moment for both nations,” state media reported.");
    assertEquals("state media", media.speakerText());
    assertNull(media.speaker());
  }

  @Test
  void notEveryVerbOrQuoteIsAClaim() {
    assertTrue(claims("The charter is expected to become the basis of future trade.").isEmpty());
    assertTrue(claims("Carranza paid a state visit to Santiago on May 3 and 4.").isEmpty());
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

  @Test
  void aSourceThatIsADeterminerAloneNeverBreaksTheSpeakerLookUp() {
    // Regression: the tagger once took "The" alone as a source, and the description look-up cut
    // "the " off a three-letter string. Any claim may be found here; none may throw.
    for (String text : List.of(
        "The planned reform would merge the small harbour authorities into one regional board.",
        "The said, the council will vote on the budget next week.",
        "The.")) {
      assertDoesNotThrow(() -> claims(text), text);
    }
  }
}
