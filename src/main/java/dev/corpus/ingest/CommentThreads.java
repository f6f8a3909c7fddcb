package dev.corpus.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * Finds readers' comments under an article by their structure, not by a name alone: a comment
 * thread is a list of two or more sibling posts, each signed and dated in its own markup (an
 * author element and a {@code <time>} or date element), standing in an element whose class or id
 * names comments, or posts marked up as schema.org {@code Comment}s. A thread often holds more
 * prose than the article it follows, so left in the page it is taken for the article.
 *
 * <p>A name alone never removes anything: sites call their article wrapper {@code
 * comments-and-story}, and an article has one author and one date, not a repeated list of them.
 *
 * <p>Stateless and thread-safe.
 */
final class CommentThreads {

  /** Class or id words of the comment family, found anywhere in the name ("commentlist"); all start with c, d or r. */
  private static final List<String> COMMENT_NAME = List.of("comment", "disqus", "discussion", "reply", "replies", "respons");
  /** An element that dates a post. */
  private static final Evaluator DATE = QueryParser.parse("time, [datetime], [itemprop=dateCreated], [itemprop=datePublished], [class~=(?i)date|time]");
  /** An element that signs a post. */
  private static final Evaluator AUTHOR = QueryParser.parse(
      "[itemprop=author], [rel=author], .fn, .vcard, [class~=(?i)author|user|nick|commenter|says], [class~=(?i)reply]");

  /** A post without a class of its own is at most this long. */
  private static final int MAX_PLAIN_POST = 1500;

  private CommentThreads() {}

  /** Removes the comment threads of {@code doc}; returns how many lists of posts were removed. */
  static int remove(Document doc) {
    if (doc.body() == null) {
      return 0;
    }
    int removed = 0;
    List<Element> named = new ArrayList<>();
    List<Element> marked = new ArrayList<>();
    for (Element e : doc.body().getAllElements()) {
      String type = e.attr("itemtype");
      if (!type.isEmpty() && (endsWithIgnoreCase(type, "schema.org/Comment") || endsWithIgnoreCase(type, "schema.org/UserComments"))) {
        marked.add(e);
      } else if (hasCommentName(e)) {
        named.add(e);
      }
    }
    for (Element post : marked) {
      if (attached(post)) {
        post.remove();
        removed++;
      }
    }
    Set<Element> tried = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element e : named) {
      if (!attached(e)) {
        continue; // inside a thread removed already
      }
      // The named element is the list ("comment-list"), or one of its posts ("comment even"):
      // then the posts of its parent are made from its own template.
      if (tried.add(e) && isPostList(e, null)) {
        e.remove();
        removed++;
      } else if (e.parent() != null && tried.add(e.parent()) && isPostList(e.parent(), template(e))) {
        e.parent().remove();
        removed++;
      }
    }
    return removed;
  }

  private static boolean endsWithIgnoreCase(String s, String suffix) {
    return s.length() >= suffix.length() && s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
  }

  private static boolean hasCommentName(Element e) {
    String cls = e.className();
    String id = e.id();
    return !cls.isEmpty() && namesComments(cls) || !id.isEmpty() && namesComments(id);
  }

  private static boolean namesComments(String name) {
    // By hand: this runs on every element of every page. Each word starts with c, d or r.
    for (int i = 0; i < name.length(); i++) {
      char c = Character.toLowerCase(name.charAt(i));
      if (c != 'c' && c != 'd' && c != 'r') {
        continue;
      }
      for (String word : COMMENT_NAME) {
        if (word.charAt(0) == c && name.regionMatches(true, i, word, 0, word.length())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean attached(Element e) {
    Element a = e;
    while (a.parent() != null) {
      a = a.parent();
    }
    return a instanceof Document;
  }

  /**
   * Two or more children, most of them posts made from one template: each signed and dated, all
   * of the same tag and first class (an article and the comments beside it are not one template).
   * Posts without a class must be short, as comments are.
   */
  private static boolean isPostList(Element list, String required) {
    int children = list.childrenSize();
    if (children < 2) {
      return false;
    }
    // The template first (cheap), the signature and date of each post only for the majority.
    Map<String, Integer> templates = new HashMap<>();
    String common = null;
    int most = 0;
    for (Element child : list.children()) {
      String template = template(child);
      int n = templates.merge(template, 1, Integer::sum);
      if (n > most) {
        most = n;
        common = template;
      }
    }
    if (most < 2 || most * 2 <= children || required != null && !required.equals(common)) {
      return false;
    }
    int posts = 0;
    boolean plain = common.endsWith(".");
    for (Element child : list.children()) {
      if (template(child).equals(common) && isPost(child) && (!plain || child.text().length() <= MAX_PLAIN_POST)) {
        posts++;
      }
    }
    return posts >= 2 && posts * 2 > children;
  }

  private static String template(Element e) {
    return e.normalName() + "." + firstClass(e);
  }

  private static String firstClass(Element e) {
    String cls = e.className().strip();
    int space = cls.indexOf(' ');
    return space < 0 ? cls : cls.substring(0, space);
  }

  private static boolean isPost(Element e) {
    return e.selectFirst(DATE) != null && e.selectFirst(AUTHOR) != null;
  }
}
