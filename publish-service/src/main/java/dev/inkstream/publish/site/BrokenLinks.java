package dev.inkstream.publish.site;

import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.Structure;
import dev.inkstream.publish.output.LastOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.jspecify.annotations.Nullable;

/**
 * Links that lead nowhere on the published site: to a page or file that is not published, or to
 * an anchor the page does not have. Render lists every internal link of a document as a
 * site-relative URL ({@link RenderedDocument#links()}); only the whole site can tell which of
 * them exist, so this runs over all documents of a site. A pure function: documents in,
 * diagnostics out.
 *
 * <p>Broken links are warnings: the page is still worth publishing, and anchors written in raw
 * HTML ({@code <a id>}) cannot be seen here.
 */
public final class BrokenLinks {

    /** What publish writes besides documents; links to these are never broken. */
    private static final Set<String> GENERATED = Set.of("/feed.xml", "/rss.xml", "/feed.json", "/sitemap.xml",
            "/robots.txt", "/404.html", "/tags/");
    private static final List<String> GENERATED_UNDER = List.of("/tags/", "/_status/", "/_inkstream/");
    private static final int MAX_SUGGESTION_DISTANCE = 8;

    /** Every broken link of every document, each with the path of the document that has it. */
    public static List<Diagnostic> find(Collection<RenderedDocument> documents) {
        return find(documents, Set.of());
    }

    /**
     * The same, knowing every other URL the release publishes (lists, tag and category pages,
     * language homes, feeds): a link to any of them is not broken.
     */
    public static List<Diagnostic> find(Collection<RenderedDocument> documents, Set<String> alsoPublished) {
        return new Memo().find(documents, alsoPublished);
    }

    /** Where a link can land: a published page's URL (or an alias of it) and the ids on that page. */
    private record Target(String url, Set<String> anchors) {}

    /** Everything a link is checked against; equal targets give every unchanged document the same result. */
    private record Targets(Map<String, Target> pages, Set<String> files, Set<String> drafts) {}

    /**
     * The same check across releases: a document that did not change (the same object) on a site
     * whose pages, anchors and files did not change keeps its last result, so an edit costs one
     * document's links rather than the whole site's.
     */
    public static final class Memo {
        private @Nullable Targets targets;
        private Map<RenderedDocument, List<Diagnostic>> results = new IdentityHashMap<>();
        private Map<RenderedDocument, Set<String>> anchors = new IdentityHashMap<>();
        private final LastOrder<RenderedDocument> order = new LastOrder<>(RenderedDocument::path);
        /** The documents of the last call by path, the links it was given, and the checked documents in path order. */
        private Map<String, RenderedDocument> byPath = Map.of();
        private Set<String> lastAlsoPublished = Set.of();
        private List<RenderedDocument> checked = new ArrayList<>();
        private Map<String, Integer> checkedAt = Map.of();

        public List<Diagnostic> find(Collection<RenderedDocument> documents, Set<String> alsoPublished) {
            List<RenderedDocument> replaced = replacedKeepingTargets(documents, alsoPublished);
            if (replaced == null) {
                return findAll(documents, alsoPublished);
            }
            // An edit: only the edited documents' own links can have changed.
            for (RenderedDocument document : replaced) {
                RenderedDocument before = byPath.put(document.path(), document);
                anchors.put(document, anchors.remove(before));
                results.remove(before);
                Integer at = checkedAt.get(document.path());
                if (at != null) {
                    checked.set(at, document);
                    results.put(document, brokenLinksOf(document, targets));
                }
            }
            List<Diagnostic> broken = new ArrayList<>();
            checked.forEach(document -> broken.addAll(results.get(document)));
            return broken;
        }

        /**
         * The documents that are not the very objects of the last call, when none of them moved,
         * appeared, went or changed where a link can land (its URL, aliases, anchors, being a draft
         * or a file); else {@code null}, and the whole site is checked again.
         */
        private @Nullable List<RenderedDocument> replacedKeepingTargets(Collection<RenderedDocument> documents,
                                                                       Set<String> alsoPublished) {
            if (targets == null || documents.size() != byPath.size() || !alsoPublished.equals(lastAlsoPublished)) {
                return null;
            }
            List<RenderedDocument> replaced = new ArrayList<>();
            for (RenderedDocument document : documents) {
                RenderedDocument before = byPath.get(document.path());
                if (before == document) {
                    continue;
                }
                if (before == null || !sameTarget(before, document)) {
                    return null;
                }
                replaced.add(document);
            }
            return replaced;
        }

        /** Whether a link lands the same on {@code now} as on {@code before}: same URL, aliases, kind, draft and anchors. */
        private boolean sameTarget(RenderedDocument before, RenderedDocument now) {
            if (before.kind() != now.kind() || before.draft() != now.draft() || !Objects.equals(before.url(), now.url())
                    || !before.aliases().equals(now.aliases())) {
                return false;
            }
            // Only published pages have anchors to land on.
            return now.kind() == DocumentKind.ASSET || now.draft() || Objects.equals(anchors.get(before), anchors(now));
        }

        private List<Diagnostic> findAll(Collection<RenderedDocument> documents, Set<String> alsoPublished) {
            Map<RenderedDocument, Set<String>> anchorsNow = new IdentityHashMap<>();
            Map<String, Target> pages = new HashMap<>();
            Set<String> files = new HashSet<>(alsoPublished);
            Set<String> drafts = new HashSet<>();
            Map<String, RenderedDocument> byPathNow = HashMap.newHashMap(documents.size());
            for (RenderedDocument document : documents) {
                byPathNow.put(document.path(), document);
                if (document.kind() == DocumentKind.ASSET) {
                    files.add(document.url());
                } else if (document.draft()) {
                    drafts.add(document.url());
                } else {
                    Set<String> ids = anchorsNow.computeIfAbsent(document, d -> {
                        Set<String> known = anchors.get(d);
                        return known != null ? known : anchors(d);
                    });
                    Target target = new Target(document.url(), ids);
                    pages.put(document.url(), target);
                    // A redirect page stands at each alias; following it lands on the document.
                    document.aliases().forEach(alias -> pages.putIfAbsent(alias, target));
                }
            }
            Targets now = new Targets(pages, files, drafts);
            boolean reuse = now.equals(targets);
            // Only files came or went (a new tag's page, say): a document that had no broken link
            // and links to none of them still has none.
            Set<String> filesMoved = reuse || targets == null || !pages.equals(targets.pages())
                    || !drafts.equals(targets.drafts()) ? null : symmetricDifference(files, targets.files());
            Map<RenderedDocument, List<Diagnostic>> resultsNow = new IdentityHashMap<>();
            List<Diagnostic> broken = new ArrayList<>();
            List<RenderedDocument> checkedNow = order.sort(
                    documents.stream().filter(d -> d.kind() != DocumentKind.ASSET && !d.draft()).toList(),
                    Comparator.comparing(RenderedDocument::path));
            Map<String, Integer> checkedAtNow = HashMap.newHashMap(checkedNow.size());
            for (RenderedDocument document : checkedNow) {
                List<Diagnostic> found = reuse ? results.get(document) : null;
                if (found == null && filesMoved != null) {
                    found = unaffected(results.get(document), document, filesMoved);
                }
                if (found == null) {
                    found = brokenLinksOf(document, now);
                }
                checkedAtNow.put(document.path(), checkedAtNow.size());
                resultsNow.put(document, found);
                broken.addAll(found);
            }
            targets = now;
            results = resultsNow;
            anchors = anchorsNow;
            byPath = byPathNow;
            lastAlsoPublished = alsoPublished;
            checked = new ArrayList<>(checkedNow);
            checkedAt = checkedAtNow;
            return broken;
        }
    }

    /** The last result of {@code document}, when it had no broken link and links to none of {@code moved}; else {@code null}. */
    private static @Nullable List<Diagnostic> unaffected(@Nullable List<Diagnostic> last, RenderedDocument document,
                                                         Set<String> moved) {
        if (last == null || !last.isEmpty()) {
            return null;
        }
        for (String link : document.links()) {
            int hash = link.indexOf('#');
            if (moved.contains(hash < 0 ? link : link.substring(0, hash))) {
                return null;
            }
        }
        return last;
    }

    private static Set<String> symmetricDifference(Set<String> a, Set<String> b) {
        Set<String> difference = new HashSet<>(a);
        difference.removeAll(b);
        b.stream().filter(x -> !a.contains(x)).forEach(difference::add);
        return difference;
    }

    private static List<Diagnostic> brokenLinksOf(RenderedDocument document, Targets targets) {
        return document.links().stream().distinct()
                .map(link -> check(link, targets))
                .flatMap(Optional::stream)
                .map(d -> d.withPath(document.path()))
                .toList();
    }

    private static Optional<Diagnostic> check(String link, Targets targets) {
        int hash = link.indexOf('#');
        String url = hash < 0 ? link : link.substring(0, hash);
        String anchor = hash < 0 ? "" : link.substring(hash + 1);
        if (GENERATED.contains(url) || GENERATED_UNDER.stream().anyMatch(url::startsWith) || targets.files().contains(url)) {
            return Optional.empty();
        }
        Target page = targets.pages().get(url);
        if (page == null) {
            boolean isPage = url.endsWith("/");
            String what = targets.drafts().contains(url) ? "it is a draft, which is not published"
                    : isPage ? "no page is published there" : "no such file is published";
            Diagnostic missing = Diagnostic.warning("broken-link", "links to " + link + " but " + what);
            return Optional.of(closest(url, isPage ? targets.pages().keySet().stream() : targets.files().stream())
                    .map(s -> missing.withSuggestion(s + (anchor.isEmpty() ? "" : "#" + anchor)))
                    .orElse(missing));
        }
        if (anchor.isEmpty() || page.anchors().contains(anchor)) {
            return Optional.empty();
        }
        Diagnostic missing = Diagnostic.warning("broken-link",
                "links to " + link + " but " + page.url() + " has no heading with the id '" + anchor + "'");
        return Optional.of(closest(anchor, page.anchors().stream()).map(a -> missing.withSuggestion(url + "#" + a))
                .orElse(missing));
    }

    /** The ids a page can be linked at: its headings, from the table of contents and the structure. */
    private static Set<String> anchors(RenderedDocument page) {
        Set<String> ids = new LinkedHashSet<>();
        page.toc().forEach(entry -> ids.add(entry.id()));
        if (page.structure() != null) {
            page.structure().headings().stream().map(Structure.Heading::id).forEach(ids::add);
        }
        return ids;
    }

    /** The candidate with the fewest edits from {@code wanted}, if any is close enough to be a likely typo. */
    private static Optional<String> closest(String wanted, Stream<String> candidates) {
        // A third of the name may be wrong, within bounds: "setup" for "set-up", not "intro" for "usage".
        LevenshteinDistance distance = new LevenshteinDistance(
                Math.max(2, Math.min(MAX_SUGGESTION_DISTANCE, wanted.length() / 3)));
        return candidates
                .map(candidate -> Map.entry(candidate, distance.apply(wanted, candidate)))
                .filter(e -> e.getValue() >= 0)
                .min(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey);
    }

    private BrokenLinks() {}
}
