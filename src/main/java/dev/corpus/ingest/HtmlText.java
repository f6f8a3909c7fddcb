package dev.corpus.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** The text of HTML elements as lines: a blank line around every block, a line break at each br. */
final class HtmlText {

  /** Elements that flow inside a line of text; every other element (custom ones too) is a block. */
  private static final Set<String> INLINE =
      Set.of("a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i", "img",
          "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time",
          "tt", "u", "var", "wbr");

  private HtmlText() {}

  /** True for a block element: one that starts a new line of text. */
  static boolean isBlock(Element e) {
    return !INLINE.contains(e.normalName());
  }

  /** Text of {@code root} with a blank line around every block element and a break at each br. */
  static String of(Element root) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode t) {
              out.append(t.text());
            } else if (node instanceof Element e) {
              if (e.normalName().equals("br")) {
                out.append('\n');
              } else if (isBlock(e)) {
                out.append("\n\n");
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && isBlock(e)) {
              out.append("\n\n");
            }
          }
        },
        root);
    return tidy(out);
  }

  /** The inline text of a block: its text nodes and inline elements, not its block children. */
  static String ownText(Element block) {
    StringBuilder out = new StringBuilder();
    appendOwn(block, out);
    return tidy(out);
  }

  private static void appendOwn(Element e, StringBuilder out) {
    for (Node child : e.childNodes()) {
      if (child instanceof TextNode t) {
        out.append(t.text());
      } else if (child instanceof Element c) {
        if (c.normalName().equals("br")) {
          out.append('\n');
        } else if (!isBlock(c)) {
          appendOwn(c, out);
        } else {
          out.append(' ');
        }
      }
    }
  }

  private static String tidy(CharSequence text) {
    // By hand rather than by regular expressions: this runs over the text of every page.
    StringBuilder out = new StringBuilder(text.length());
    int newlines = 0;
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          continue;
        }
        newlines++;
        space = false;
      } else if (c == ' ' || c == '\t' || c == '\u00A0' || Character.isWhitespace(c)) {
        space = true;
      } else {
        if (out.length() > 0) {
          if (newlines > 0) {
            out.append(newlines >= 2 ? "\n\n" : "\n");
          } else if (space) {
            out.append(' ');
          }
        }
        newlines = 0;
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }
}
