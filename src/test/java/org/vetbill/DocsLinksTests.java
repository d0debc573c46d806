package org.vetbill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The links between the README, CONTRIBUTING.md and the pages under {@code docs/}: every
 * relative link and image points at a file that exists, every {@code #fragment} at a
 * heading of its page (named as GitHub names them), and every page under {@code docs/}
 * can be reached from the README.
 */
class DocsLinksTests {

	private static final Path ROOT = Path.of("");

	@Test
	void everyRelativeLinkOfTheDocsResolves() {
		Map<String, String> pages = pages();

		List<String> broken = Links.broken(pages, (path) -> Files.exists(ROOT.resolve(path)));

		assertThat(pages).containsKeys("README.md", "CONTRIBUTING.md");
		assertThat(broken).withFailMessage(() -> "Broken links:\n" + String.join("\n", broken)).isEmpty();
	}

	@Test
	void everyDocsPageCanBeReachedFromTheReadme() {
		Map<String, String> pages = pages();

		assertThat(pages.keySet()).anyMatch((path) -> path.startsWith("docs/"));
		assertThat(Links.unreachable(pages, "README.md"))
			.as("pages no link leads to from README.md, directly or through other pages")
			.isEmpty();
	}

	@Test
	void aMissingFileAndAMissingHeadingAreBothReported() {
		Map<String, String> pages = Map.of("README.md", """
				# Title

				See [the guide](docs/guide.md), [its setup](docs/guide.md#setup),
				[its missing part](docs/guide.md#no-such-heading), [a lost page](docs/lost.md),
				![a lost picture](docs/lost.png), [this page](#title) and [the web](https://example.com).
				""", "docs/guide.md", """
				# Guide

				## Setup
				""");

		assertThat(Links.broken(pages, pages::containsKey)).containsExactly(
				"README.md:4: docs/guide.md#no-such-heading: no heading 'no-such-heading' in docs/guide.md",
				"README.md:4: docs/lost.md: no such file", "README.md:5: docs/lost.png: no such file");
	}

	@Test
	void headingsAreNamedAsGitHubNamesThem() {
		assertThat(Links.anchors("""
				# The Cloud API (`/{provet_id}/api/0.1/`)
				## vetbill's own API
				## Decisions: libraries and why
				## Notes
				## Notes
				## Notes
				```bash
				# a comment in code, not a heading
				```
				## **Bold** and [linked](x.md) words
				""")).containsExactly("the-cloud-api-provet_idapi01", "vetbills-own-api", "decisions-libraries-and-why",
				"notes", "notes-1", "notes-2", "bold-and-linked-words");
	}

	@Test
	void linksInCodeAreNotLinks() {
		Map<String, String> pages = Map.of("README.md", """
				Inline `[not a link](nowhere.md)` and a span over two lines `{"a":
				[b](nowhere.md)}`, then:

				```markdown
				[not a link either](nowhere.md)
				```
				""");

		assertThat(Links.broken(pages, pages::containsKey)).isEmpty();
	}

	@Test
	void aPageNoLinkLeadsToIsUnreachable() {
		Map<String, String> pages = Map.of("README.md", "[a](docs/a.md)", "docs/a.md", "[b](b.md#top)", "docs/b.md",
				"# Top", "docs/orphan.md", "[back](../README.md)");

		assertThat(Links.unreachable(pages, "README.md")).containsExactly("docs/orphan.md");
	}

	@Test
	void aLinkOutOfTheRepositoryIsBroken() {
		Map<String, String> pages = Map.of("README.md", "[design](../shared/DESIGN.md)");

		assertThat(Links.broken(pages, (path) -> true))
			.containsExactly("README.md:1: ../shared/DESIGN.md: outside the repository");
	}

	/**
	 * README.md, CONTRIBUTING.md and every Markdown file under docs/, by their path from
	 * the repository's root with forward slashes.
	 */
	private static Map<String, String> pages() {
		Map<String, String> pages = new TreeMap<>();
		for (String file : List.of("README.md", "CONTRIBUTING.md")) {
			if (Files.exists(ROOT.resolve(file))) {
				pages.put(file, read(ROOT.resolve(file)));
			}
		}
		Path docs = ROOT.resolve("docs");
		if (Files.isDirectory(docs)) {
			try (Stream<Path> files = Files.walk(docs)) {
				files.filter((file) -> file.toString().endsWith(".md"))
					.forEach((file) -> pages.put(ROOT.relativize(file).toString().replace('\\', '/'), read(file)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return pages;
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A small reader of GitHub-flavoured Markdown: the links and images of a page and the
	 * anchors of its headings, outside code blocks and code spans.
	 */
	static final class Links {

		/** {@code [text](target)} and {@code ![alt](target "title")}, text over lines. */
		private static final Pattern INLINE = Pattern.compile(
				"!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*\\])*\\]\\(\\s*(<[^>\\n]*>|[^)\\s]+)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");

		/** {@code [label]: target} */
		private static final Pattern DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+\\]:\\s*(<[^>\\n]*>|\\S+)");

		/** {@code <a href="...">}, {@code <img src="...">} */
		private static final Pattern HTML = Pattern.compile("<(?:a|img)\\s[^>]*?(?:href|src)=\"([^\"]*)\"");

		private static final Pattern ATX = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");

		private static final Pattern SETEXT = Pattern.compile("^ {0,3}(?:=+|-+)[ \\t]*$");

		private static final Pattern HTML_ID = Pattern.compile("<a\\s[^>]*?(?:id|name)=\"([^\"]+)\"");

		private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:|^//");

		private Links() {
		}

		/**
		 * Every relative link or image of the pages that does not resolve, as
		 * {@code page:line: target: why}, in page and line order.
		 * @param pages the Markdown pages by path from the repository's root
		 * @param exists whether a file (or folder) exists, by path from the root
		 * @return the broken links
		 */
		static List<String> broken(Map<String, String> pages, Predicate<String> exists) {
			Map<String, List<String>> anchors = new HashMap<>();
			List<String> broken = new ArrayList<>();
			new TreeMap<>(pages).forEach((page, text) -> {
				for (Link link : links(text)) {
					String problem = problem(page, link.target(), pages, exists, anchors);
					if (problem != null) {
						broken.add(page + ":" + link.line() + ": " + link.target() + ": " + problem);
					}
				}
			});
			return broken;
		}

		/**
		 * The pages under {@code docs/} and other pages that no chain of links from the
		 * start page reaches.
		 * @param pages the Markdown pages by path from the repository's root
		 * @param start the page every other must be reachable from
		 * @return the unreachable pages, sorted
		 */
		static List<String> unreachable(Map<String, String> pages, String start) {
			Set<String> reached = new LinkedHashSet<>();
			Deque<String> todo = new ArrayDeque<>(List.of(start));
			while (!todo.isEmpty()) {
				String page = todo.pop();
				if (!reached.add(page) || !pages.containsKey(page)) {
					continue;
				}
				for (Link link : links(pages.get(page))) {
					String path = resolve(page, link.target());
					if (path != null && pages.containsKey(path) && !reached.contains(path)) {
						todo.push(path);
					}
				}
			}
			return pages.keySet().stream().filter((page) -> !reached.contains(page)).sorted().toList();
		}

		/**
		 * The anchors of a page's headings, in order, as GitHub names them: the heading's
		 * text lower-cased, spaces turned into hyphens, other characters than letters,
		 * digits, {@code -} and {@code _} dropped, and {@code -1}, {@code -2}, ... added
		 * to a name already taken. Explicit {@code <a id>} and {@code <a name>} anchors
		 * count too.
		 * @param text the Markdown
		 * @return the anchors
		 */
		static List<String> anchors(String text) {
			List<String> anchors = new ArrayList<>();
			Map<String, Integer> taken = new HashMap<>();
			String[] lines = withoutCode(text).split("\n", -1);
			String[] original = text.replace("\r\n", "\n").split("\n", -1);
			for (int i = 0; i < lines.length; i++) {
				String heading = null;
				Matcher atx = ATX.matcher(original[i]);
				if (!lines[i].isBlank() && atx.matches()) {
					heading = (atx.group(2) != null) ? atx.group(2) : "";
				}
				else if (i > 0 && SETEXT.matcher(lines[i]).matches() && isParagraphLine(lines[i - 1])
						&& (i < 2 || lines[i - 2].isBlank())) {
					heading = original[i - 1].strip();
				}
				if (heading != null) {
					anchors.add(unique(slug(heading), taken));
				}
				Matcher id = HTML_ID.matcher(lines[i]);
				while (id.find()) {
					anchors.add(id.group(1));
				}
			}
			return anchors;
		}

		private static boolean isParagraphLine(String line) {
			String stripped = line.strip();
			return !stripped.isEmpty() && !stripped.startsWith("#") && !stripped.startsWith("|")
					&& !stripped.startsWith(">") && !stripped.matches("([-*+]|\\d+[.)])\\s.*");
		}

		private static String unique(String slug, Map<String, Integer> taken) {
			String result = slug;
			while (taken.containsKey(result)) {
				int next = taken.merge(slug, 1, Integer::sum);
				result = slug + "-" + next;
			}
			taken.put(result, 0);
			return result;
		}

		private static String slug(String heading) {
			String text = heading.replaceAll("!\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
				.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")
				.replaceAll("<[^>]+>", "")
				.replace("`", "")
				.replace("*", "");
			return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\p{M}_\\- ]", "").replace(' ', '-');
		}

		private static String problem(String page, String target, Map<String, String> pages, Predicate<String> exists,
				Map<String, List<String>> anchors) {
			int hash = target.indexOf('#');
			String fragment = (hash >= 0) ? decode(target.substring(hash + 1)) : null;
			String path = resolve(page, target);
			if (path == null) {
				return "outside the repository";
			}
			if (!path.equals(page) && !pages.containsKey(path) && !exists.test(path)) {
				return "no such file";
			}
			if (fragment == null || fragment.isEmpty() || !path.endsWith(".md")) {
				return null;
			}
			if (!pages.containsKey(path)) {
				return "the anchor cannot be checked: " + path + " is not one of the pages read";
			}
			List<String> known = anchors.computeIfAbsent(path, (key) -> anchors(pages.get(key)));
			return known.contains(fragment) ? null : "no heading '" + fragment + "' in " + path;
		}

		/**
		 * The file a link points at, from the repository's root, or null for one that
		 * leaves the repository; the page itself for a bare fragment.
		 */
		private static String resolve(String page, String target) {
			int hash = target.indexOf('#');
			String file = decode((hash >= 0) ? target.substring(0, hash) : target);
			int query = file.indexOf('?');
			if (query >= 0) {
				file = file.substring(0, query);
			}
			if (file.isEmpty()) {
				return page;
			}
			Path folder = Path.of(page).getParent();
			Path resolved = ((folder != null) ? folder.resolve(file) : Path.of(file)).normalize();
			if (resolved.startsWith("..") || resolved.isAbsolute()) {
				return null;
			}
			String path = resolved.toString().replace('\\', '/');
			return path.isEmpty() ? "." : path;
		}

		private static String decode(String text) {
			return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
		}

		/** The relative links and images of a page, with the line each starts on. */
		static List<Link> links(String text) {
			String prose = withoutCode(text);
			List<Link> links = new ArrayList<>();
			for (Pattern pattern : List.of(INLINE, DEFINITION, HTML)) {
				Matcher matcher = pattern.matcher(prose);
				while (matcher.find()) {
					String target = matcher.group(1);
					if (target.startsWith("<") && target.endsWith(">")) {
						target = target.substring(1, target.length() - 1);
					}
					if (!target.isEmpty() && !SCHEME.matcher(target).find()) {
						links.add(new Link(lineOf(prose, matcher.start(1)), target));
					}
				}
			}
			links.sort((a, b) -> Integer.compare(a.line(), b.line()));
			return links;
		}

		private static int lineOf(String text, int offset) {
			int line = 1;
			for (int i = 0; i < offset; i++) {
				if (text.charAt(i) == '\n') {
					line++;
				}
			}
			return line;
		}

		/**
		 * The text with fenced code blocks and code spans blanked out, line ends kept, so
		 * offsets and line numbers stay those of the original.
		 */
		static String withoutCode(String text) {
			char[] chars = text.replace("\r\n", "\n").toCharArray();
			blankFences(chars);
			blankCodeSpans(chars);
			return new String(chars);
		}

		private static void blankFences(char[] chars) {
			String fence = null;
			int start = 0;
			while (start < chars.length) {
				int end = start;
				while (end < chars.length && chars[end] != '\n') {
					end++;
				}
				String line = new String(chars, start, end - start).strip();
				boolean blank = fence != null;
				if (fence == null && (line.startsWith("```") || line.startsWith("~~~"))) {
					fence = line.substring(0, 3);
					blank = true;
				}
				else if (fence != null && line.startsWith(fence) && line.replace(fence.substring(0, 1), "").isBlank()) {
					fence = null;
				}
				if (blank || line.startsWith("```") || line.startsWith("~~~")) {
					for (int i = start; i < end; i++) {
						chars[i] = ' ';
					}
				}
				start = end + 1;
			}
		}

		private static void blankCodeSpans(char[] chars) {
			int i = 0;
			while (i < chars.length) {
				if (chars[i] != '`') {
					i++;
					continue;
				}
				int run = runOfBackticks(chars, i);
				int close = closingRun(chars, i + run, run);
				if (close < 0) {
					i += run;
					continue;
				}
				for (int j = i; j < close + run; j++) {
					if (chars[j] != '\n') {
						chars[j] = ' ';
					}
				}
				i = close + run;
			}
		}

		private static int runOfBackticks(char[] chars, int from) {
			int run = 0;
			while (from + run < chars.length && chars[from + run] == '`') {
				run++;
			}
			return run;
		}

		/** Where the matching run of backticks starts, not past a blank line; or -1. */
		private static int closingRun(char[] chars, int from, int length) {
			int i = from;
			while (i < chars.length) {
				if (chars[i] == '\n' && isBlankLineAfter(chars, i)) {
					return -1;
				}
				if (chars[i] == '`') {
					int run = runOfBackticks(chars, i);
					if (run == length) {
						return i;
					}
					i += run;
					continue;
				}
				i++;
			}
			return -1;
		}

		private static boolean isBlankLineAfter(char[] chars, int newline) {
			int i = newline + 1;
			while (i < chars.length && chars[i] != '\n') {
				if (!Character.isWhitespace(chars[i])) {
					return false;
				}
				i++;
			}
			return true;
		}

		/**
		 * A link or image of a page.
		 *
		 * @param line the line its target is on
		 * @param target the target as written
		 */
		record Link(int line, String target) {
		}

	}

}
