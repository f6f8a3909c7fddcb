package dev.corpus.ingest;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Finds the article in a parsed page by the shape of its text, the way Readability.js and
 * trafilatura do, rather than by what its elements are called.
 *
 * <ol>
 *   <li><b>Paragraphs</b> are elements with at least {@value #MIN_PARAGRAPH} characters of text of
 *       their own (inline text, not text of block children). Each scores by its length and commas
 *       (prose has commas, menus do not) and gives that score to its parent in full, its
 *       grandparent in half and further ancestors in thirds of their depth.
 *   <li><b>The container</b> is the element with the highest score once multiplied by {@code 1 -
 *       link density}: the one element that holds most of the prose and few links. Its siblings
 *       join it when they score nearly as well or are prose paragraphs themselves (an article
 *       split over several blocks).
 *   <li><b>Inside it</b>, blocks that are mostly links (tag lists, "read more" lists, share
 *       bars) and short blocks whose class or id names page furniture are removed. A class name
 *       never removes a block that holds prose: that is what lost the articles of sites whose
 *       wrapper is called {@code content-with-sidebar}. An inline element inside a sentence (a
 *       span around a link, a name with its hover card) is part of the sentence, removed only
 *       when it is itself a list of two or more links.
 *   <li><b>Fallback</b>: when the container holds much less text than the page's prose
 *       paragraphs taken together, or less than {@value #MIN_BODY} characters, the broader
 *       extraction (every prose paragraph of the page, in order, with the short lines between
 *       them such as subheadings) is taken instead; the page's own JSON-LD {@code articleBody}
 *       is preferred over both when it is longer than what the markup gave.
 * </ol>
 *
 * <p>Instances are stateless and thread-safe.
 */
final class ContentExtractor {

  /** Characters of own text that make an element a paragraph. */
  static final int MIN_PARAGRAPH = 25;
  /** A body shorter than this is not taken when a broader extraction has more. */
  static final int MIN_BODY = 200;
  /** Prose paragraphs of the broad extraction: long enough and mostly not links. */
  private static final int PROSE_CHARS = 80;
  private static final double PROSE_LINKS = 0.25;
  /**
   * The container is replaced by the broad extraction when it holds less than this share of it:
   * a container that misses most of the page's prose is the wrong container.
   */
  private static final double FALLBACK_SHARE = 0.25;

  private static final Set<String> CLEANED =
      Set.of("div", "section", "ul", "ol", "dl", "table", "figure", "aside", "header", "footer", "form", "nav", "span", "p");

  /** Words in a class or id that name page furniture; used only on blocks without prose. */
  private static final Pattern FURNITURE =
      Pattern.compile(
          "(?i)(^|[\\s_-])(cookie|consent|banner|share|sharing|social|related|newsletter|subscribe|promo"
              + "|advert|ads?|sidebar|breadcrumbs?|comments?|menu|navbar|nav|masthead|popup|modal|footer"
              + "|signup|paywall|trending|recommended|toolbar|tags?|tag-list|keywords|topics|widget|byline|author|meta|caption)($|[\\s_-])");

  /** What was extracted and how. */
  record Extraction(String text, Method method) {}

  /** Which candidate gave the body. */
  enum Method {
    CONTAINER,
    BROAD,
    JSON_LD,
    NONE
  }

  /** Text measures of one element, gathered in one pass over the page. */
  private static final class Stats {
    final Element element;
    final boolean block;
    Stats nearestBlock;
    int chars; // visible characters below the element
    int linkChars; // of which inside links
    int ownChars; // inline text of this block, not of its block children
    int ownLinkChars;
    int commas; // in own text
    int allCommas; // below the element
    int prose; // prose paragraphs below the element, itself included
    double score;
    boolean candidate;

    Stats(Element element, boolean block) {
      this.element = element;
      this.block = block;
    }

    double linkDensity() {
      return chars == 0 ? 0 : (double) linkChars / chars;
    }
  }

  /**
   * The article text of {@code doc} (already free of scripts, styles and hidden elements), with a
   * blank line between blocks.
   *
   * @param statedBody the page's JSON-LD {@code articleBody}, or null
   */
  Extraction extract(Document doc, String statedBody) {
    return choose(candidates(doc, statedBody));
  }

  /**
   * The three candidate bodies of a page; any may be empty. The broad extraction is built only
   * when chosen: its length is known from the measures.
   */
  record Candidates(String container, int broadLength, java.util.function.Supplier<String> broad, String stated) {

    Candidates(String container, String broad, String stated) {
      this(container, length(broad), () -> broad, stated);
    }
  }

  Candidates candidates(Document doc, String statedBody) {
    Element body = doc.body();
    Map<Element, Stats> stats = measure(body);
    List<Stats> paragraphs = new ArrayList<>();
    for (Stats s : stats.values()) {
      if (s.block && s.ownChars >= MIN_PARAGRAPH) {
        paragraphs.add(s);
      }
    }
    Element root = container(stats, paragraphs);
    String container = root == null ? "" : HtmlText.of(cleaned(root));
    List<Stats> broad = broad(body, stats);
    int broadLength = 0;
    for (Stats b : broad) {
      broadLength += b.ownChars;
    }
    return new Candidates(container, broadLength, () -> broadText(broad), statedBody == null ? "" : statedBody.strip());
  }

  /**
   * The measured rule between candidates: the container, unless it is under {@value #MIN_BODY}
   * characters or under {@link #FALLBACK_SHARE} of the broad extraction; the stated body when it
   * is longer than that choice by a quarter (the markup lost part of what the page says it holds).
   */
  static Extraction choose(Candidates c) {
    Extraction best = new Extraction(c.container(), Method.CONTAINER);
    int containerLength = length(c.container());
    int broadLength = c.broadLength();
    if (containerLength < MIN_BODY && broadLength > containerLength || containerLength < FALLBACK_SHARE * broadLength) {
      best = new Extraction(c.broad().get(), Method.BROAD);
    }
    int stated = length(c.stated());
    if (stated >= MIN_BODY && stated > 1.25 * length(best.text())) {
      best = new Extraction(c.stated(), Method.JSON_LD);
    }
    if (VisibleText.isBlank(best.text())) {
      return new Extraction("", Method.NONE);
    }
    return best;
  }

  /** The element holding most of the prose, with the siblings that belong with it. */
  private static Element container(Map<Element, Stats> stats, List<Stats> paragraphs) {
    Map<Stats, Boolean> touched = new IdentityHashMap<>();
    for (Stats p : paragraphs) {
      double score = 1 + p.commas + Math.min(p.ownChars / 100.0, 3);
      Element ancestor = p.element.parent();
      for (int level = 0; ancestor != null && level < 5; level++, ancestor = ancestor.parent()) {
        Stats a = stats.get(ancestor);
        if (a == null) {
          break;
        }
        if (!a.candidate) {
          a.candidate = true;
          a.score = initialScore(ancestor);
          touched.put(a, true);
        }
        a.score += score / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
      }
    }
    Stats top = null;
    for (Stats c : touched.keySet()) {
      c.score *= 1 - c.linkDensity();
      if (top == null || c.score > top.score) {
        top = c;
      }
    }
    if (top == null) {
      return null;
    }
    // An only child says nothing its parent does not: take the parent, which may hold captions.
    Element chosen = top.element;
    while (chosen.parent() != null && chosen.parent() != chosen.ownerDocument().body()
        && chosen.parent().childrenSize() == 1 && stats.containsKey(chosen.parent())) {
      chosen = chosen.parent();
    }
    Element parent = chosen.parent();
    if (parent == null || stats.get(parent) == null) {
      return chosen;
    }
    double threshold = Math.max(10, top.score * 0.2);
    List<Element> joined = new ArrayList<>();
    for (Element sibling : parent.children()) {
      if (sibling == chosen) {
        joined.add(sibling);
        continue;
      }
      Stats s = stats.get(sibling);
      if (s == null) {
        continue;
      }
      double bonus = !chosen.className().isEmpty() && sibling.className().equals(chosen.className()) ? top.score * 0.2 : 0;
      if (s.candidate && s.score + bonus >= threshold) {
        joined.add(sibling);
      } else if (s.ownChars >= PROSE_CHARS && s.linkDensity() < PROSE_LINKS && s.chars == s.ownChars) {
        joined.add(sibling); // a paragraph of the article standing beside its container
      }
    }
    if (joined.size() == 1) {
      return chosen;
    }
    Element wrapper = new Element("div");
    for (Element e : joined) {
      wrapper.appendChild(e.clone());
    }
    return wrapper;
  }

  /** Readability's starting scores: a div is likely a container, a list or heading less so. */
  private static double initialScore(Element e) {
    return switch (e.normalName()) {
      case "div", "article", "main", "section" -> 5;
      case "pre", "td", "blockquote" -> 3;
      case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
      case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
      default -> 0;
    };
  }

  /**
   * A copy of {@code root} without the blocks that are not the article: mostly links, or short
   * and named as furniture. A block with prose of its own (a paragraph of {@value #PROSE_CHARS}
   * characters) or with many commas is kept whatever its name.
   */
  private static Element cleaned(Element root) {
    Element copy = root.clone();
    Map<Element, Stats> stats = measure(copy);
    List<Element> all = copy.getAllElements();
    // Bottom-up, so that a removed child no longer counts for its parent's measures.
    for (int i = all.size() - 1; i > 0; i--) {
      Element e = all.get(i);
      if (e.parent() == null) {
        continue;
      }
      if (!CLEANED.contains(e.normalName())) {
        continue;
      }
      Stats s = stats.get(e);
      if (s == null) {
        continue;
      }
      int chars = s.chars;
      if (chars == 0) {
        if (e.selectFirst("img, picture, video") == null) {
          e.remove();
        }
        continue;
      }
      if (s.allCommas >= 10) {
        continue;
      }
      // Named as furniture (what is hidden by its style is gone already: HtmlReader).
      boolean furniture = FURNITURE.matcher(e.className()).find() || FURNITURE.matcher(e.id()).find();
      if (!furniture && !s.block && (inRunningText(s) || isProse(s.nearestBlock)) && !isLinkList(e, s)) {
        continue; // a span around a link or a name in a sentence is part of the sentence
      }
      boolean hasProse = s.prose > 0 || s.block && isProse(s); // own text measured again after removals
      double links = s.linkDensity();
      if (links > 0.5 || !hasProse && (links > 0.2 || furniture)) {
        Element label = e.previousElementSibling();
        removeAndDiscount(e, s, stats);
        // The heading of a list of links ("Related news", "More on this") goes with the list.
        Stats ls = label == null ? null : stats.get(label);
        if (links > 0.5 && ls != null && ls.block && s.block && ls.chars > 0 && ls.chars <= 40 && ls.prose == 0 && !Outlets.endsLikeSentence(label.text())) {
          removeAndDiscount(label, ls, stats);
        }
      }
    }
    return copy;
  }

  /** An inline element that shares its line with other text: it is read as part of that text. */
  private static boolean inRunningText(Stats s) {
    return s.nearestBlock != s && s.nearestBlock.ownChars > s.chars;
  }

  /** A block whose own text is a paragraph of prose: long enough, and mostly not links. */
  private static boolean isProse(Stats block) {
    return block.ownChars >= PROSE_CHARS && block.ownLinkChars < PROSE_LINKS * block.ownChars;
  }

  /** Two or more links making most of the element's text: a list of links, wherever it stands. */
  private static boolean isLinkList(Element e, Stats s) {
    return s.linkDensity() > 0.5 && e.getElementsByTag("a").size() >= 2;
  }

  private static void removeAndDiscount(Element e, Stats s, Map<Element, Stats> stats) {
    if (!s.block && s.nearestBlock != s) {
      s.nearestBlock.ownChars -= s.chars; // its text was part of its block's own text
      s.nearestBlock.ownLinkChars -= s.linkChars;
    }
    for (Element a = e.parent(); a != null; a = a.parent()) {
      Stats as = stats.get(a);
      if (as != null) {
        as.chars -= s.chars;
        as.linkChars -= s.linkChars;
        as.prose -= s.prose;
        as.allCommas -= s.allCommas;
      }
    }
    e.remove();
  }

  /**
   * jusText-like broad extraction: every prose paragraph of the page in order, and the short
   * blocks (subheadings, one-line paragraphs) that stand between two of them.
   */
  private static List<Stats> broad(Element body, Map<Element, Stats> stats) {
    List<Stats> blocks = new ArrayList<>();
    for (Element e : body.getAllElements()) {
      Stats s = stats.get(e);
      if (s != null && s.block && s.ownChars > 0) {
        blocks.add(s);
      }
    }
    boolean[] good = new boolean[blocks.size()];
    boolean[] near = new boolean[blocks.size()];
    for (int i = 0; i < blocks.size(); i++) {
      Stats s = blocks.get(i);
      double links = s.ownChars == 0 ? 0 : (double) s.ownLinkChars / s.ownChars;
      good[i] = s.ownChars >= PROSE_CHARS && links < PROSE_LINKS;
      near[i] = s.ownChars >= 10 && links < PROSE_LINKS;
    }
    List<Stats> kept = new ArrayList<>();
    int lastGood = -1;
    for (int i = 0; i < blocks.size(); i++) {
      boolean keep = good[i];
      if (!keep && near[i] && lastGood >= 0) {
        int next = i + 1;
        while (next < blocks.size() && !good[next] && near[next] && next - i < 3) {
          next++;
        }
        keep = next < blocks.size() && good[next];
      }
      if (keep) {
        if (good[i]) {
          lastGood = i;
        }
        kept.add(blocks.get(i));
      }
    }
    return kept;
  }

  private static String broadText(List<Stats> blocks) {
    StringBuilder out = new StringBuilder();
    for (Stats b : blocks) {
      if (out.length() > 0) {
        out.append("\n\n");
      }
      out.append(HtmlText.ownText(b.element));
    }
    return out.toString();
  }

  /** Visible characters (not whitespace) of {@code text}. */
  static int length(String text) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /** One pass over the tree: each element's characters, link characters, own text and commas. */
  private static Map<Element, Stats> measure(Element root) {
    Map<Element, Stats> stats = new IdentityHashMap<>();
    Deque<Stats> open = new ArrayDeque<>();
    int[] inLink = {0};
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof Element e) {
              Stats s = new Stats(e, HtmlText.isBlock(e));
              Stats parent = open.peek();
              s.nearestBlock = s.block || parent == null ? s : parent.nearestBlock;
              open.push(s);
              if (e.normalName().equals("a")) {
                inLink[0]++;
              }
            } else if (node instanceof TextNode t && !open.isEmpty()) {
              String text = t.getWholeText();
              int chars = 0;
              int commas = 0;
              for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!Character.isWhitespace(c) && c != '\u00A0') {
                  chars++;
                  if (c == ',' || c == '،' || c == '，') {
                    commas++;
                  }
                }
              }
              Stats s = open.peek();
              s.chars += chars;
              Stats block = s.nearestBlock;
              block.ownChars += chars;
              block.commas += commas;
              s.allCommas += commas;
              if (inLink[0] > 0) {
                s.linkChars += chars;
                block.ownLinkChars += chars;
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e) {
              Stats s = open.pop();
              stats.put(e, s);
              if (s.block && s.ownChars >= PROSE_CHARS && s.ownLinkChars < PROSE_LINKS * s.ownChars) {
                s.prose++;
              }
              Stats parent = open.peek();
              if (parent != null) {
                parent.chars += s.chars;
                parent.linkChars += s.linkChars;
                parent.allCommas += s.allCommas;
                parent.prose += s.prose;
              }
              if (e.normalName().equals("a")) {
                inLink[0]--;
              }
            }
          }
        },
        root);
    return stats;
  }
}
