package dev.versioned.processor.docs;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every relative link of the repository's Markdown files (README, CONTRIBUTING, the guide under
 * {@code docs/}, the dated results under {@code benchmarks/results/}) names a file or folder that
 * exists, and, when it has an anchor, a heading of that file as GitHub names its anchor.
 */
class DocsLinksTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern HTML_ANCHOR =
      Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  @Test
  void everyRelativeLinkResolvesToAFileAndAnchor() throws IOException {
    Path root = RepositoryDocs.root();
    List<Path> files = RepositoryDocs.markdownFiles();
    assertThat(files).contains(root.resolve("README.md"));
    assertThat(files).contains(root.resolve("CONTRIBUTING.md"));

    Map<Path, Set<String>> anchors = new HashMap<>();
    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path file : files) {
      for (String target : links(read(file))) {
        if (SCHEME.matcher(target).find()) {
          continue; // an absolute URL: not this repository's to check
        }
        checked++;
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        String where = root.relativize(file) + ": (" + target + ")";
        if (!resolved.startsWith(root) || !Files.exists(resolved)) {
          broken.add(where + " names no file");
        } else if (anchor != null) {
          if (!resolved.toString().endsWith(".md")) {
            broken.add(where + " has an anchor, but does not name a Markdown file");
          } else if (!anchors.computeIfAbsent(resolved, DocsLinksTest::anchorsOf)
              .contains(anchor)) {
            broken.add(
                where + " names no heading of " + root.relativize(resolved) + "; its anchors: "
                    + anchors.get(resolved));
          }
        }
      }
    }
    assertWithMessage("links checked").that(checked).isGreaterThan(50);
    assertWithMessage("broken links").that(broken).isEmpty();
  }

  @Test
  void anchorsAreNamedAsGitHubNamesThem() {
    assertThat(slug("`RetryPolicy.lockAfter`: lock once a row has proved hot"))
        .isEqualTo("retrypolicylockafter-lock-once-a-row-has-proved-hot");
    assertThat(slug("Semantics 4.11: values bound, names quoted"))
        .isEqualTo("semantics-411-values-bound-names-quoted");
    assertThat(slug("On all six databases (the integration test)"))
        .isEqualTo("on-all-six-databases-the-integration-test");
    assertThat(slug("Micrometer: `versioned-micrometer`"))
        .isEqualTo("micrometer-versioned-micrometer");
    assertThat(slug("See [Hot rows](hot-rows.md) *now*")).isEqualTo("see-hot-rows-now");
    assertThat(anchorsOf("# A\n\n```\n# not a heading\n```\n\n## A\n<a id=\"x\"></a>\n"))
        .containsExactly("a", "a-1", "x");
  }

  @Test
  void linksInCodeAreNotLinks() {
    assertThat(links("[a](one.md) `[b](two.md)`\n```\n[c](three.md)\n```\n[d](four.md#x)"))
        .containsExactly("one.md", "four.md#x")
        .inOrder();
  }

  /** The link targets of a Markdown text, outside fenced code blocks and code spans. */
  static List<String> links(String markdown) {
    List<String> targets = new ArrayList<>();
    for (String line : outsideFences(markdown)) {
      Matcher matcher = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
      while (matcher.find()) {
        targets.add(matcher.group(1));
      }
    }
    return targets;
  }

  private static Set<String> anchorsOf(Path file) {
    return anchorsOf(read(file));
  }

  /** The anchors a Markdown text defines: one per heading, and explicit HTML anchors. */
  static Set<String> anchorsOf(String markdown) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : outsideFences(markdown)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(1));
        int count = seen.merge(slug, 1, Integer::sum);
        anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
      }
      Matcher html = HTML_ANCHOR.matcher(line);
      while (html.find()) {
        anchors.add(html.group(1));
      }
    }
    return anchors;
  }

  /**
   * A heading's anchor as GitHub makes it: the rendered text in lower case, punctuation removed
   * (letters, digits, spaces, hyphens and underscores are kept), each space a hyphen.
   */
  static String slug(String heading) {
    String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
    text = text.replaceAll("\\*+", "");
    return text.toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }

  private static List<String> outsideFences(String markdown) {
    List<String> lines = new ArrayList<>();
    boolean inFence = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
      } else if (!inFence) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }
}
