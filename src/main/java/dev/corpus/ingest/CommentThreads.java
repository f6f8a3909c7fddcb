package dev.corpus.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

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

  /** Class or id words of the comment family. */
  private static final Pattern COMMENT_NAME = Pattern.compile("(?i)comment|disqus|discussion|repl(y|ies)|respons");
  /** An element that dates a post. */
  private static final String DATE = "time, [datetime], [itemprop=dateCreated], [itemprop=datePublished], [class~=(?i)date|time]";
  /** An element that signs a post. */
  private static final String AUTHOR =
      "[itemprop=author], [rel=author], .fn, .vcard, [class~=(?i)author|user|nick|commenter|says], [class~=(?i)reply]";

  /** A post without a class of its own is at most this long. */
  private static final int MAX_PLAIN_POST = 1500;

  private CommentThreads() {}

  /** Removes the comment threads of {@code doc}; returns how many lists of posts were removed. */
  static int remove(Document doc) {
    int removed = 0;
    for (Element post : doc.select("[itemtype~=(?i)schema.org/(Comment|UserComments)$]")) {
      if (post.parent() != null) {
        post.remove();
        removed++;
      }
    }
    List<Element> named = new ArrayList<>();
    for (Element e : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
      if (hasCommentName(e)) {
        named.add(e);
      }
    }
    Set<Element> tried = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Element e : named) {
      if (!attached(e)) {
        continue; // inside a thread removed already
      }
      // The named element is the list ("comment-list"), or one of its posts ("comment even").
      for (Element list : new Element[] {e, e.parent()}) {
        if (list != null && tried.add(list) && isPostList(list)) {
          list.remove();
          removed++;
          break;
        }
      }
    }
    return removed;
  }

  private static boolean hasCommentName(Element e) {
    String cls = e.className();
    String id = e.id();
    return !cls.isEmpty() && COMMENT_NAME.matcher(cls).find() || !id.isEmpty() && COMMENT_NAME.matcher(id).find();
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
  private static boolean isPostList(Element list) {
    int children = list.childrenSize();
    if (children < 2) {
      return false;
    }
    Map<String, Integer> posts = new HashMap<>();
    int best = 0;
    for (Element child : list.children()) {
      String template = child.normalName() + "." + firstClass(child);
      if (template.endsWith(".") && child.text().length() > MAX_PLAIN_POST || !isPost(child)) {
        continue;
      }
      best = Math.max(best, posts.merge(template, 1, Integer::sum));
    }
    return best >= 2 && best * 2 > children;
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
