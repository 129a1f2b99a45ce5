package dev.inkstream.publish.output;

import dev.inkstream.events.ChangeSet;
import dev.inkstream.events.Diagnostic;
import dev.inkstream.events.DocumentKind;
import dev.inkstream.events.EventJson;
import dev.inkstream.events.RenderedDocument;
import dev.inkstream.events.SiteConfig;
import dev.inkstream.events.TranslationGroup;
import dev.inkstream.publish.feeds.Feed;
import dev.inkstream.publish.feeds.FeedEntry;
import dev.inkstream.publish.feeds.FeedWriter;
import dev.inkstream.publish.feeds.Sitemaps;
import dev.inkstream.publish.output.OutputObject.Role;
import dev.inkstream.publish.site.BrokenLinks;
import dev.inkstream.publish.site.SiteConfigs;
import dev.inkstream.publish.theme.Templates;
import dev.inkstream.publish.theme.ThemeAssets;
import dev.inkstream.publish.theme.ThemeStrings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The publish stage's core: a site's rendered documents in, the full list of objects of the site
 * out (outputs as data). Nothing here knows about S3 or Kafka.
 *
 * <p>It is a function of the {@link Site} alone; what it keeps between calls only saves work.
 * Each page's HTML is kept with everything it was made from (the document, the site config, its
 * translations, the theme and layouts), so a release re-renders only the pages whose inputs
 * changed; aggregates (lists, tag pages, feeds, sitemap parts) are made again only when their
 * entries changed. When the documents that changed since the last call keep their shape
 * ({@link #sameShape}), the release starts from the last release's indexes with those documents
 * put in place, instead of a pass over the whole site ({@code CarriedReleaseTest} holds both ways
 * to the same bytes).
 */
public final class SiteOutputs {

    /**
     * What a site is made from: its documents and the few settings the operator gives.
     *
     * @param title    the site title when the repository's own config does not give one
     * @param rootPath absolute path the site is served under ({@code /}, or {@code /docs/} for a
     *                 prefixed site): the 404 page is served at any depth, so it cannot link relatively
     */
    /**
     * @param translations the translation checks' groups by translation key: a translation whose
     *                     group says it is stale gets a notice linking to its original
     */
    public record Site(String title, Map<String, RenderedDocument> documents, String cacheControl, String rootPath,
                       String assetCacheControl, List<ChangeSet.Skipped> skipped, Map<String, TranslationGroup> translations) {

        public Site {
            translations = translations == null ? Map.of() : Map.copyOf(translations);
        }

        public Site(String title, Map<String, RenderedDocument> documents, String cacheControl, String rootPath,
                    String assetCacheControl, List<ChangeSet.Skipped> skipped) {
            this(title, documents, cacheControl, rootPath, assetCacheControl, skipped, Map.of());
        }

        public Site(String title, Map<String, RenderedDocument> documents, String cacheControl) {
            this(title, documents, cacheControl, "/", cacheControl, List.of());
        }
    }

    /** Where authors and tools find every diagnostic of the release. */
    public static final String DIAGNOSTICS_KEY = "_inkstream/diagnostics.json";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final int DEFAULT_PAGE_SIZE = 10;
    /** Below this many documents to work on, one thread is as quick as several. */
    private static final int PARALLEL_FROM = 64;
    private static final int DEFAULT_FEED_SIZE = 20;
    private static final Set<String> RTL = Set.of("ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb");

    private final ThemeAssets assets = ThemeAssets.builtIn();
    private Templates templates = new Templates(Map.of());
    private Map<String, String> templatesLayouts = Map.of();
    /** Rendered pages by repository and path, with what they were rendered from. */
    private final Map<String, Map<String, CachedPage>> pages = new HashMap<>();
    /** Facts about each document's text, by document identity: a document that did not change is the same object. */
    private Map<RenderedDocument, DocumentFacts> facts = new IdentityHashMap<>();
    /** Feed entries by document identity, valid while {@link #feedEntriesContext} is unchanged. */
    private Map<RenderedDocument, FeedEntry> feedEntries = new IdentityHashMap<>();
    /** Repository paths each page links to, by document identity. */
    private Map<RenderedDocument, List<String>> references = new IdentityHashMap<>();
    /** Each published asset's object, by document identity, valid while the asset Cache-Control is unchanged. */
    private Map<RenderedDocument, OutputObject> assetOutputs = new IdentityHashMap<>();
    private String assetOutputsCacheControl = "";
    private String lastPageContext = "";
    /** Each translated document's language versions, with the siblings they were made from. */
    private Map<RenderedDocument, KnownVersions> versions = new IdentityHashMap<>();
    /** Each listed document's sitemap entry, valid while {@link #lastPageContext} is unchanged. */
    private Map<RenderedDocument, SitemapEntry> sitemapUrls = new IdentityHashMap<>();

    /** A document's sitemap entry and the language versions it was made with. */
    private record SitemapEntry(Sitemaps.Url url, List<LanguageSwitcher.Version> versions) {}

    private record KnownVersions(List<RenderedDocument> siblings, List<String> languages, String defaultLanguage,
                                 List<LanguageSwitcher.Version> versions) {}

    /**
     * What this release knows of {@code document}: made once per release, and taken from the
     * last release's {@code before} when the document is the very same object (unchanged).
     */
    private static <V> V carried(Map<RenderedDocument, V> now, Map<RenderedDocument, V> before, RenderedDocument document,
                                 java.util.function.Function<RenderedDocument, V> make) {
        return now.computeIfAbsent(document, d -> {
            V known = before.get(d);
            return known != null ? known : make.apply(d);
        });
    }

    /** The same documents, the very same objects, in the same order. */
    private static boolean sameObjects(List<RenderedDocument> a, List<RenderedDocument> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
    /** Each listed document's categories, by document identity. */
    private Map<RenderedDocument, List<String>> categories = new IdentityHashMap<>();
    private final BrokenLinks.Memo brokenLinks = new BrokenLinks.Memo();
    /** The orders of the last release, which the next one's sorts start from. */
    private final LastOrder<RenderedDocument> publishedOrder = new LastOrder<>(RenderedDocument::path);
    private final LastOrder<CachedPage> pageOrder = new LastOrder<>(page -> page.output().key());
    /** The last release's document pages in key order, and where each document's page is in it. */
    private List<OutputObject> lastPageOutputs = List.of();
    private Map<String, Integer> lastPageAt = Map.of();
    private final LastOrder<OutputObject> assetOrder = new LastOrder<>(OutputObject::key);
    private static final Comparator<RenderedDocument> NEWEST_FIRST =
            Comparator.comparing(RenderedDocument::date, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(RenderedDocument::url);
    private String feedEntriesContext = "";
    /** How many published pages link to each repository path, as of the last release. */
    private Map<String, Integer> referenced = new HashMap<>();
    /** The last release's published assets, in key order. */
    private List<OutputObject> lastAssets = List.of();
    /** The last call's documents by path, to tell which documents the next one replaced. */
    private Map<String, RenderedDocument> lastDocuments = new HashMap<>();
    /** The translation checks' groups the last call was given. */
    private Map<String, TranslationGroup> lastTranslations = Map.of();
    /** The last call's release, whose indexes an edit that moves nothing carries over. */
    private @Nullable Release lastRelease;
    /** Aggregates (list pages, feeds) by repository and key, with the inputs they were made from. */
    private final Map<String, Map<String, Memo>> memos = new HashMap<>();
    private long pagesRendered;
    private long factsMade;
    private List<UrlCollision> lastCollisions = List.of();

    private record CachedPage(RenderedDocument document, PageContext context, OutputObject output, List<Diagnostic> problems) {}

    /** A page the last release's cache cannot give, with what its template needs besides the release. */
    private record PageToRender(RenderedDocument document, List<LanguageSwitcher.Version> versions,
                                @Nullable Map<String, String> stale, PageContext context) {}

    private CachedPage render(Release release, PageToRender page) {
        RenderedDocument document = page.document();
        List<Diagnostic> problems = new ArrayList<>();
        Map<String, Object> model = pageModel(release, document, document.url(), page.versions());
        model.put("doc", docView(release, document));
        model.put("stale", page.stale());
        String html = templates.render("page", model, problems::add);
        return new CachedPage(document, page.context(), OutputObject.html(SiteUrls.keyOf(document.url()), html,
                release.site.cacheControl(), Role.PAGE), List.copyOf(problems));
    }

    /** What a page's HTML depends on besides its document. */
    private record PageContext(String site, List<LanguageSwitcher.Version> versions, @Nullable Map<String, String> stale) {}

    /** Outputs made from {@code inputs}: equal inputs (documents compare by identity first) give equal outputs. */
    private record Memo(Object inputs, List<OutputObject> outputs, List<Diagnostic> problems) {}

    /** Two documents that would be published at the same URL; only {@code published} is. */
    public record UrlCollision(String url, String published, List<String> hidden) {}

    /** Markdown wins over text, then the path that sorts first: the same winner on every release. */
    private static final Comparator<RenderedDocument> COLLISION_WINNER_FIRST =
            Comparator.comparing(RenderedDocument::kind).thenComparing(RenderedDocument::path);

    /** Documents that share a URL with another, so the author can rename one. */
    public List<UrlCollision> collisions(Site site) {
        // One pass that keeps lists only for shared URLs: every release asks, and collisions are rare.
        Map<String, RenderedDocument> first = new HashMap<>();
        Map<String, List<RenderedDocument>> shared = new HashMap<>();
        for (RenderedDocument d : site.documents().values()) {
            if (!d.draft() && d.kind().isPage()) {
                RenderedDocument before = first.putIfAbsent(d.url(), d);
                if (before != null) {
                    shared.computeIfAbsent(d.url(), u -> new ArrayList<>(List.of(before))).add(d);
                }
            }
        }
        return shared.entrySet().stream()
                .map(e -> {
                    List<RenderedDocument> ranked = e.getValue().stream().sorted(COLLISION_WINNER_FIRST).toList();
                    return new UrlCollision(e.getKey(), ranked.getFirst().path(),
                            ranked.stream().skip(1).map(RenderedDocument::path).toList());
                })
                .sorted(Comparator.comparing(UrlCollision::url)).toList();
    }

    /** The URL collisions the last call to {@link #outputs} found (and published around). */
    public List<UrlCollision> collisionsLastTime() {
        return lastCollisions;
    }

    /** How many listed documents' facts the last call made (the rest it carried from the release before). */
    long factsMadeLastTime() {
        return factsMade;
    }

    /** Whether the last call carried the indexes of the release before (an edit that moved nothing). */
    boolean carriedLastTime() {
        return lastRelease != null && lastRelease.replaced != null;
    }

    /** How many page templates the last call rendered (the rest came from the cache). */
    public long pagesRenderedLastTime() {
        return pagesRendered;
    }

    public List<OutputObject> outputs(Site site) {
        Map<RenderedDocument, RenderedDocument> replaced = replacements(site);
        Release release;
        List<UrlCollision> collisions;
        if (replaced != null) {
            // An edit that moves nothing: the URLs, layouts and indexes of the last release stand.
            collisions = lastCollisions;
            release = new Release(site, lastRelease, replaced);
        } else {
            collisions = collisions(site);
            lastCollisions = collisions;
            useLayouts(site.documents().values());
            release = new Release(site, collisions.stream().flatMap(c -> c.hidden().stream()).collect(Collectors.toSet()));
        }

        Map<String, OutputObject> outputs = new LinkedHashMap<>();
        for (ThemeAssets.Asset asset : assets.all()) {
            add(outputs, OutputObject.of(asset.key(), asset.content(), asset.contentType(), site.assetCacheControl(),
                    Role.ASSET));
        }
        assets(release).forEach(o -> add(outputs, o));
        reportCollisions(release, collisions);
        release.factsOfListedDocuments();
        documentPages(release).forEach(o -> add(outputs, o));
        // What the link check cannot know from the documents themselves: every generated URL.
        Set<String> published = new HashSet<>();
        assets.all().forEach(asset -> published.add(urlOfKey(asset.key())));
        List<OutputObject> aliases = aliases(release);
        aliases.forEach(o -> add(outputs, o));
        List<OutputObject> aggregates = aggregates(release);
        for (OutputObject aggregate : aggregates) {
            if (outputs.containsKey(aggregate.key())) {
                // A page of the author's sits where a generated list would: theirs stays.
                String path = release.published.stream().filter(d -> SiteUrls.keyOf(d.url()).equals(aggregate.key()))
                        .map(RenderedDocument::path).findFirst().orElse(aggregate.key());
                release.problem(path, Diagnostic.warning("url-conflict",
                        "/" + aggregate.key() + " is also a generated page (a list, tag page or feed); the document is published there instead"));
            } else {
                outputs.put(aggregate.key(), aggregate);
            }
        }
        List<OutputObject> feeds = feedsAndSitemaps(release);
        feeds.forEach(o -> add(outputs, o));
        for (List<OutputObject> generated : List.of(aliases, aggregates, feeds)) {
            generated.forEach(o -> published.add(urlOfKey(o.key())));
        }
        brokenLinks.find(site.documents().values(), published).forEach(d -> release.problem(d.path(), d));
        outputs.put(DIAGNOSTICS_KEY, diagnostics(release));
        facts = release.facts;
        references = release.references;
        assetOutputs = release.assetOutputs;
        assetOutputsCacheControl = site.assetCacheControl();
        sitemapUrls = release.sitemapUrls;
        lastPageContext = release.pageContext;
        versions = release.knownVersions;
        categories = release.categoryNames;
        feedEntries = release.feedEntries;
        feedEntriesContext = release.feedEntriesContext;
        memos.put(repoOf(site), release.memos);
        if (replaced != null) {
            replaced.values().forEach(document -> lastDocuments.put(document.path(), document));
        } else {
            lastDocuments = new HashMap<>(site.documents());
        }
        lastRelease = release;
        lastTranslations = site.translations();
        return List.copyOf(outputs.values());
    }

    private static void add(Map<String, OutputObject> outputs, OutputObject output) {
        outputs.putIfAbsent(output.key(), output);
    }

    /** Rebuilds the template engines only when a layout changed, so their template caches survive releases. */
    private void useLayouts(Collection<RenderedDocument> documents) {
        Map<String, String> layouts = new TreeMap<>();
        documents.stream().filter(d -> d.kind() == DocumentKind.LAYOUT).forEach(d -> layouts.put(d.path(), d.html()));
        if (!layouts.equals(templatesLayouts)) {
            templates = new Templates(layouts);
            templatesLayouts = layouts;
        }
    }

    /** Everything one call works from, computed once. */
    private final class Release {
        final Site site;
        final SiteConfig config;
        final String title;
        final String defaultLanguage;
        final List<String> languages;
        final SiteUrls urls;
        final List<RenderedDocument> published;
        final Map<String, RenderedDocument> homes = new HashMap<>();
        final List<RenderedDocument> listed;
        /** {@link #listed} by language, in the same order. */
        final Map<String, List<RenderedDocument>> listedByLanguage;
        final Map<String, List<RenderedDocument>> translations;
        /** Sources not published because another document claims their URL. */
        final Set<String> hidden;
        /** For an edit's release, the documents that replace the last release's, by the one each replaces. */
        final @Nullable Map<RenderedDocument, RenderedDocument> replaced;
        final Map<String, List<Diagnostic>> problems = new TreeMap<>();
        /*
         * What the release knows of each document. A release made from scratch starts them empty
         * and takes each unchanged document's entry from the last release's; an edit's release
         * carries the last release's maps, less the entries of what it replaced.
         */
        final Map<RenderedDocument, DocumentFacts> facts;
        final Map<RenderedDocument, List<String>> references;
        final Map<RenderedDocument, OutputObject> assetOutputs;
        final Map<RenderedDocument, List<LanguageSwitcher.Version>> versions;
        final Map<RenderedDocument, KnownVersions> knownVersions;
        final Map<RenderedDocument, SitemapEntry> sitemapUrls;
        final Map<RenderedDocument, FeedEntry> feedEntries;
        /** Everything besides a document and its translations that its page's HTML depends on. */
        final String pageContext;
        private @Nullable Map<String, Tag> tags;
        private @Nullable Map<String, Tag> categories;
        final Map<RenderedDocument, List<String>> categoryNames;
        final String feedEntriesContext;
        final Map<String, Memo> memos = new HashMap<>();
        final Map<String, Object> siteView;
        final int pageSize;
        final int feedSize;
        final boolean feedSummaries;

        Release(Site site, Set<String> hidden) {
            this.site = site;
            this.hidden = hidden;
            this.replaced = null;
            this.facts = new IdentityHashMap<>(SiteOutputs.this.facts.size());
            this.references = new IdentityHashMap<>(SiteOutputs.this.references.size());
            this.assetOutputs = new IdentityHashMap<>(SiteOutputs.this.assetOutputs.size());
            this.versions = new IdentityHashMap<>(SiteOutputs.this.versions.size());
            this.knownVersions = new IdentityHashMap<>(SiteOutputs.this.versions.size());
            this.sitemapUrls = new IdentityHashMap<>(SiteOutputs.this.sitemapUrls.size());
            this.feedEntries = new IdentityHashMap<>(SiteOutputs.this.feedEntries.size());
            this.categoryNames = new IdentityHashMap<>(SiteOutputs.this.categories.size());
            this.config = SiteConfigs.winner(site.documents().values()).orElse(
                    new SiteConfig("", null, null, null, List.of(), null, Map.of()));
            this.title = config.title() == null || config.title().isBlank() ? site.title() : config.title();
            this.urls = new SiteUrls(config.baseUrl(), site.rootPath());
            this.published = Collections.unmodifiableList(publishedOrder.sort(site.documents().values().stream()
                    .filter(d -> d.kind().isPage() && !d.draft() && !hidden.contains(d.path())).toList(), NEWEST_FIRST));
            this.defaultLanguage = defaultLanguage(config, published);
            this.languages = languages(config, published, defaultLanguage);
            Map<String, String> languageByHomeUrl = new HashMap<>();
            languages.forEach(language -> languageByHomeUrl.putIfAbsent(homeUrl(language), language));
            for (RenderedDocument document : published) {
                String language = languageByHomeUrl.get(document.url());
                if (language != null) {
                    homes.putIfAbsent(language, document);
                }
            }
            Set<RenderedDocument> homePages = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            homePages.addAll(homes.values());
            this.listed = published.stream().filter(d -> !homePages.contains(d)).toList();
            Map<String, List<RenderedDocument>> byLanguage = new HashMap<>();
            listed.forEach(d -> byLanguage.computeIfAbsent(languageOf(d), l -> new ArrayList<>()).add(d));
            this.listedByLanguage = byLanguage;
            this.translations = published.stream().filter(d -> d.translationKey() != null)
                    .collect(Collectors.groupingBy(RenderedDocument::translationKey));
            this.siteView = siteView(config, title);
            this.pageSize = positive(config.params().get("paginate"), DEFAULT_PAGE_SIZE);
            this.feedSize = positive(feedParams(config).get("limit"), DEFAULT_FEED_SIZE);
            this.feedSummaries = "summary".equals(String.valueOf(feedParams(config).get("content")));
            this.feedEntriesContext = feedEntriesContext(site, config, feedSummaries, defaultLanguage);
            this.pageContext = pageContext(site, config, title, defaultLanguage, languages);
        }

        /**
         * An edit's release: the documents of {@code before}'s site with some replaced by documents
         * of the same shape ({@link #sameShape}). Every index of the release (the order of pages,
         * languages, homes, translations, tags) is {@code before}'s with the replacements put in
         * place, and what the release knows of each document is carried over, less what it knew of
         * the replaced documents (and of their translations, whose language versions name them).
         */
        Release(Site site, Release before, Map<RenderedDocument, RenderedDocument> replaced) {
            this.site = site;
            this.hidden = before.hidden;
            this.replaced = replaced;
            this.config = before.config;
            this.title = config.title() == null || config.title().isBlank() ? site.title() : config.title();
            this.urls = new SiteUrls(config.baseUrl(), site.rootPath());
            this.published = substituted(before.published, replaced);
            this.defaultLanguage = before.defaultLanguage;
            this.languages = before.languages;
            before.homes.forEach((language, home) -> homes.put(language, replaced.getOrDefault(home, home)));
            this.listed = substituted(before.listed, replaced);
            this.listedByLanguage = new HashMap<>(before.listedByLanguage);
            this.translations = new HashMap<>(before.translations);
            Set<RenderedDocument> translated = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
            for (RenderedDocument old : replaced.keySet()) {
                listedByLanguage.computeIfPresent(languageOf(old), (language, list) -> substituted(list, replaced));
                if (old.translationKey() != null) {
                    List<RenderedDocument> siblings = translations.computeIfPresent(old.translationKey(),
                            (key, list) -> substituted(list, replaced));
                    if (siblings != null) {
                        translated.addAll(siblings);
                        translated.add(old);
                        before.translations.get(old.translationKey()).forEach(translated::add);
                    }
                }
            }
            this.siteView = siteView(config, title);
            this.pageSize = before.pageSize;
            this.feedSize = before.feedSize;
            this.feedSummaries = before.feedSummaries;
            this.feedEntriesContext = feedEntriesContext(site, config, feedSummaries, defaultLanguage);
            this.pageContext = pageContext(site, config, title, defaultLanguage, languages);
            this.facts = withoutReplaced(SiteOutputs.this.facts, replaced);
            this.references = withoutReplaced(SiteOutputs.this.references, replaced);
            this.categoryNames = withoutReplaced(SiteOutputs.this.categories, replaced);
            this.assetOutputs = site.assetCacheControl().equals(assetOutputsCacheControl)
                    ? withoutReplaced(SiteOutputs.this.assetOutputs, replaced) : new IdentityHashMap<>();
            this.versions = withoutReplaced(before.versions, replaced);
            this.knownVersions = withoutReplaced(SiteOutputs.this.versions, replaced);
            translated.forEach(d -> {
                versions.remove(d);
                knownVersions.remove(d);
            });
            this.sitemapUrls = pageContext == lastPageContext ? withoutReplaced(SiteOutputs.this.sitemapUrls, replaced)
                    : new IdentityHashMap<>();
            this.feedEntries = feedEntriesContext.equals(SiteOutputs.this.feedEntriesContext)
                    ? withoutReplaced(SiteOutputs.this.feedEntries, replaced) : new IdentityHashMap<>();
            if (before.tags != null) {
                this.tags = substitutedTags(before.tags, replaced, RenderedDocument::tags, this::isListed);
            }
            if (before.categories != null) {
                this.categories = substitutedTags(before.categories, replaced, SiteOutputs::categories, this::isListed);
            }
        }

        Map<String, Tag> tags() {
            if (tags == null) {
                tags = SiteOutputs.tags(listed, RenderedDocument::tags);
            }
            return tags;
        }

        Map<String, Tag> categories() {
            if (categories == null) {
                categories = SiteOutputs.tags(listed,
                        d -> carried(categoryNames, SiteOutputs.this.categories, d, SiteOutputs::categories));
            }
            return categories;
        }

        String languageOf(RenderedDocument document) {
            return LanguageSwitcher.languageOf(document, defaultLanguage);
        }

        String homeUrl(String language) {
            return language.equals(defaultLanguage) ? "/" : "/" + language + "/";
        }

        DocumentFacts facts(RenderedDocument document) {
            return carried(facts, SiteOutputs.this.facts, document, DocumentFacts::of);
        }

        /**
         * The facts of every listed document: the last release's for an unchanged one, else made,
         * on every core when there are many (a first release, where they are the largest part of
         * the work: a parse of each page's HTML); each is a pure function of its document. All
         * are kept, so the next release knows every unchanged document's facts, whether or not
         * this one asked for them.
         */
        void factsOfListedDocuments() {
            List<RenderedDocument> unknown = new ArrayList<>();
            for (RenderedDocument document : replaced == null ? listed : replaced.values()) {
                if (replaced != null && !isListed(document)) {
                    continue;
                }
                DocumentFacts known = SiteOutputs.this.facts.get(document);
                if (known != null) {
                    facts.put(document, known);
                } else {
                    unknown.add(document);
                }
            }
            factsMade = unknown.size();
            if (unknown.size() < PARALLEL_FROM) {
                unknown.forEach(this::facts);
                return;
            }
            List<DocumentFacts> made = unknown.parallelStream().map(DocumentFacts::of).toList();
            for (int i = 0; i < unknown.size(); i++) {
                facts.put(unknown.get(i), made.get(i));
            }
        }

        private boolean isListed(RenderedDocument document) {
            return document.kind().isPage() && !document.draft() && !hidden.contains(document.path())
                    && !homes.containsValue(document);
        }

        List<String> references(RenderedDocument page) {
            return carried(references, SiteOutputs.this.references, page, SiteOutputs::references);
        }

        void problem(String path, Diagnostic diagnostic) {
            List<Diagnostic> list = problems.computeIfAbsent(path, p -> new ArrayList<>());
            if (!list.contains(diagnostic)) {
                list.add(diagnostic);
            }
        }

        List<LanguageSwitcher.Version> versions(RenderedDocument document) {
            if (document.translationKey() == null) {
                return List.of();
            }
            return versions.computeIfAbsent(document, d -> {
                List<RenderedDocument> siblings = translations.getOrDefault(d.translationKey(), List.of(d));
                KnownVersions known = SiteOutputs.this.versions.get(d);
                if (known != null && known.languages().equals(languages) && known.defaultLanguage().equals(defaultLanguage)
                        && sameObjects(known.siblings(), siblings)) {
                    knownVersions.put(d, known);
                    return known.versions();
                }
                List<LanguageSwitcher.Version> made = LanguageSwitcher.versions(d, siblings, languages, defaultLanguage);
                knownVersions.put(d, new KnownVersions(siblings, languages, defaultLanguage, made));
                return made;
            });
        }
    }

    private static Map<String, Object> siteView(SiteConfig config, String title) {
        Map<String, Object> view = new HashMap<>();
        view.put("title", title);
        view.put("baseUrl", config.baseUrl());
        view.put("description", config.params().get("description"));
        view.put("params", config.params());
        return view;
    }

    private static Map<?, ?> feedParams(SiteConfig config) {
        return config.params().get("feed") instanceof Map<?, ?> m ? m : Map.of();
    }

    private static String feedEntriesContext(Site site, SiteConfig config, boolean feedSummaries, String defaultLanguage) {
        return config.baseUrl() + "\u0000" + site.rootPath() + "\u0000" + feedSummaries + "\u0000" + defaultLanguage
                + "\u0000" + repoOf(site);
    }

    /** Everything besides a document and its translations that its page's HTML depends on. */
    private String pageContext(Site site, SiteConfig config, String title, String defaultLanguage, List<String> languages) {
        String context = String.join("\u0000", assets.version(), templates.version(), title, defaultLanguage,
                String.valueOf(languages), String.valueOf(config), site.cacheControl(), site.rootPath());
        // The same instance as last time when equal, so every page compares it by identity.
        return context.equals(lastPageContext) ? lastPageContext : context;
    }

    /**
     * The documents of {@code site} that are not the very objects of the last call, by the
     * document each replaces, when none came or went and each keeps the shape of the one it
     * replaces; else {@code null}, and the release is made from scratch.
     */
    private @Nullable Map<RenderedDocument, RenderedDocument> replacements(Site site) {
        if (lastRelease == null || site.documents().size() != lastDocuments.size()
                || !repoOf(site).equals(repoOf(lastRelease.site))) {
            return null;
        }
        Map<RenderedDocument, RenderedDocument> replaced = new IdentityHashMap<>();
        for (RenderedDocument document : site.documents().values()) {
            RenderedDocument before = lastDocuments.get(document.path());
            if (before == document) {
                continue;
            }
            if (before == null || !sameShape(before, document)) {
                return null;
            }
            replaced.put(before, document);
        }
        return replaced;
    }

    /**
     * Whether {@code now} has the place {@code before} had in every index of a release: published
     * or not, at the same URL and date, in the same language and translation group, with the same
     * aliases. Tags and categories may change: a release puts the document in its new tags' places
     * ({@link #substitutedTags}). Config and layouts change every page, so they have no shape.
     */
    static boolean sameShape(RenderedDocument before, RenderedDocument now) {
        return before.kind() == now.kind() && (now.kind().isPage() || now.kind() == DocumentKind.ASSET)
                && before.path().equals(now.path()) && before.repo().equals(now.repo())
                && before.draft() == now.draft() && before.url().equals(now.url())
                && Objects.equals(before.date(), now.date()) && Objects.equals(before.language(), now.language())
                && Objects.equals(before.translationKey(), now.translationKey()) && before.aliases().equals(now.aliases());
    }

    /** {@code documents} with each replaced document in its place; the very same list when none is in it. */
    private static List<RenderedDocument> substituted(List<RenderedDocument> documents,
                                                      Map<RenderedDocument, RenderedDocument> replaced) {
        List<RenderedDocument> result = null;
        for (int i = 0; i < documents.size(); i++) {
            RenderedDocument now = replaced.get(documents.get(i));
            if (now != null) {
                if (result == null) {
                    result = new ArrayList<>(documents);
                }
                result.set(i, now);
            }
        }
        return result == null ? documents : Collections.unmodifiableList(result);
    }

    /** {@code known}, less the entries of the replaced documents; changed in place. */
    private static <V> Map<RenderedDocument, V> withoutReplaced(Map<RenderedDocument, V> known,
                                                                Map<RenderedDocument, RenderedDocument> replaced) {
        replaced.keySet().forEach(known::remove);
        return known;
    }

    /**
     * The tags of the last release with each replaced document in its place: in the same place of
     * the tags it keeps, taken out of the tags it lost (a tag without documents goes), and put
     * where it sorts in the tags it gained. A tag is named as its newest document writes it.
     */
    private static Map<String, Tag> substitutedTags(Map<String, Tag> before, Map<RenderedDocument, RenderedDocument> replaced,
                                                    java.util.function.Function<RenderedDocument, List<String>> tagsOf,
                                                    java.util.function.Predicate<RenderedDocument> listed) {
        Map<String, Tag> tags = new TreeMap<>(before);
        Set<String> touched = new HashSet<>();
        for (var replacement : replaced.entrySet()) {
            RenderedDocument old = replacement.getKey();
            RenderedDocument now = replacement.getValue();
            if (!listed.test(now)) {
                continue;
            }
            Set<String> had = slugs(tagsOf.apply(old));
            Set<String> has = slugs(tagsOf.apply(now));
            for (String slug : had) {
                Tag tag = tags.get(slug);
                List<RenderedDocument> documents = new ArrayList<>(tag.documents());
                if (has.contains(slug)) {
                    documents.replaceAll(d -> d == old ? now : d);
                    tags.put(slug, new Tag(tag.name(), slug, documents, tag.paths()));
                } else {
                    documents.remove(old);
                    Set<String> paths = new HashSet<>(tag.paths());
                    paths.remove(old.path());
                    tags.put(slug, new Tag(tag.name(), slug, documents, paths));
                }
                touched.add(slug);
            }
            for (String slug : has) {
                if (!had.contains(slug)) {
                    Tag tag = tags.get(slug);
                    List<RenderedDocument> documents = tag == null ? new ArrayList<>() : new ArrayList<>(tag.documents());
                    int at = Collections.binarySearch(documents, now, NEWEST_FIRST);
                    documents.add(at < 0 ? -at - 1 : at, now);
                    Set<String> paths = tag == null ? new HashSet<>() : new HashSet<>(tag.paths());
                    paths.add(now.path());
                    tags.put(slug, new Tag(tag == null ? "" : tag.name(), slug, documents, paths));
                    touched.add(slug);
                }
            }
        }
        for (String slug : touched) {
            Tag tag = tags.get(slug);
            if (tag.documents().isEmpty()) {
                tags.remove(slug);
            } else {
                String name = tagsOf.apply(tag.documents().getFirst()).stream().filter(n -> SiteUrls.slug(n).equals(slug))
                        .findFirst().orElse(tag.name());
                tags.put(slug, new Tag(name, slug, Collections.unmodifiableList(tag.documents()), tag.paths()));
            }
        }
        return tags;
    }

    private static Set<String> slugs(List<String> names) {
        Set<String> slugs = new HashSet<>();
        names.forEach(name -> slugs.add(SiteUrls.slug(name)));
        return slugs;
    }

    /** The site config's, else the home page's, else the one language every page says, else English. */
    private static String defaultLanguage(SiteConfig config, List<RenderedDocument> published) {
        if (config.defaultLanguage() != null) {
            return config.defaultLanguage();
        }
        Optional<String> home = published.stream().filter(d -> d.url().equals("/") && d.language() != null)
                .map(RenderedDocument::language).findFirst();
        if (home.isPresent()) {
            return home.get();
        }
        Set<String> said = published.stream().map(d -> Objects.requireNonNullElse(d.language(), "")).collect(Collectors.toSet());
        return said.size() == 1 && !said.contains("") ? said.iterator().next() : "en";
    }

    /** Languages that have pages: the default first, then the config's order, then by code. */
    private static List<String> languages(SiteConfig config, List<RenderedDocument> published, String defaultLanguage) {
        Set<String> present = published.stream().map(d -> LanguageSwitcher.languageOf(d, defaultLanguage))
                .collect(Collectors.toCollection(HashSet::new));
        List<String> ordered = new ArrayList<>();
        ordered.add(defaultLanguage);
        config.languages().stream().filter(present::contains).filter(l -> !ordered.contains(l)).forEach(ordered::add);
        present.stream().sorted().filter(l -> !ordered.contains(l)).forEach(ordered::add);
        return ordered;
    }

    private static int positive(@Nullable Object value, int otherwise) {
        try {
            int number = value == null ? otherwise : Integer.parseInt(value.toString().strip());
            return number > 0 ? number : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static void reportCollisions(Release release, List<UrlCollision> collisions) {
        for (UrlCollision collision : collisions) {
            List<String> all = new ArrayList<>(List.of(collision.published()));
            all.addAll(collision.hidden());
            for (String path : all) {
                String others = all.stream().filter(p -> !p.equals(path)).collect(Collectors.joining(", "));
                String message = path.equals(collision.published())
                        ? collision.url() + " is also claimed by " + others + "; this document is published there"
                        : collision.url() + " is also claimed by " + others + ", which is published there; this document is not";
                release.problem(path, Diagnostic.warning("url-conflict", message).withSuggestion("rename one of them"));
            }
        }
    }

    // ---- pages -------------------------------------------------------------------------------

    private List<OutputObject> documentPages(Release release) {
        Map<String, CachedPage> before = pages.getOrDefault(repoOf(release.site), Map.of());
        Collection<RenderedDocument> suspects = suspects(release, before);
        // An edit's release changes the last release's pages in place; any other starts afresh.
        Map<String, CachedPage> now = suspects == release.listed ? new HashMap<>() : before;
        List<PageToRender> toRender = new ArrayList<>();
        for (RenderedDocument document : suspects) {
            List<LanguageSwitcher.Version> versions = release.versions(document);
            Optional<Map<String, String>> stale = staleNotice(release, document);
            PageContext context = new PageContext(release.pageContext, versions, stale.orElse(null));
            CachedPage cached = before.get(document.path());
            if (cached == null || !cached.context().equals(context)
                    || (cached.document() != document && !cached.document().equals(document))) {
                // Made here, on this thread: rendering below only reads what the release knows.
                release.facts(document);
                toRender.add(new PageToRender(document, versions, stale.orElse(null), context));
            } else {
                now.put(document.path(), cached);
            }
        }
        // Each page is a function of its model alone, so a first release (or a new layout) renders on every core.
        List<CachedPage> rendered = (toRender.size() >= PARALLEL_FROM ? toRender.parallelStream() : toRender.stream())
                .map(page -> render(release, page)).toList();
        rendered.forEach(page -> now.put(page.document().path(), page));
        for (RenderedDocument document : release.listed) {
            now.get(document.path()).problems()
                    .forEach(p -> release.problem(Objects.requireNonNullElse(p.path(), document.path()), p));
        }
        pages.put(repoOf(release.site), now);
        pagesRendered = toRender.size();
        List<OutputObject> sorted;
        if (release.replaced != null && now.size() == lastPageOutputs.size()) {
            // The same pages at the same URLs as last time: each re-rendered one takes its page's place.
            sorted = new ArrayList<>(lastPageOutputs);
            rendered.forEach(page -> sorted.set(lastPageAt.get(page.document().path()), page.output()));
        } else {
            List<CachedPage> byKey = pageOrder.sort(now.values(), Comparator.comparing(page -> page.output().key()));
            sorted = new ArrayList<>(byKey.size());
            lastPageAt = HashMap.newHashMap(byKey.size());
            for (CachedPage page : byKey) {
                lastPageAt.put(page.document().path(), sorted.size());
                sorted.add(page.output());
            }
        }
        lastPageOutputs = sorted;
        return sorted;
    }

    /**
     * The listed documents whose page may differ from the last release's: for an edit's release
     * (same page context, the last release's pages at hand), the replacing documents, their
     * translations (whose language switchers name them) and the members of every translation
     * group the checks changed (whose stale notices may have); else every listed document.
     */
    private Collection<RenderedDocument> suspects(Release release, Map<String, CachedPage> before) {
        if (release.replaced == null || release.pageContext != lastPageContext || before.size() != release.listed.size()
                || !(before instanceof HashMap)) {
            return release.listed;
        }
        Set<String> groups = new HashSet<>();
        release.replaced.values().forEach(d -> {
            if (d.translationKey() != null) {
                groups.add(d.translationKey());
            }
        });
        Map<String, TranslationGroup> checked = release.site.translations();
        checked.forEach((key, group) -> {
            TranslationGroup known = lastTranslations.get(key);
            if (known != group && !group.equals(known)) {
                groups.add(key);
            }
        });
        lastTranslations.keySet().stream().filter(key -> !checked.containsKey(key)).forEach(groups::add);
        Set<RenderedDocument> suspects = Collections.newSetFromMap(new IdentityHashMap<>());
        release.replaced.values().stream().filter(release::isListed).forEach(suspects::add);
        for (String key : groups) {
            release.translations.getOrDefault(key, List.of()).stream().filter(release::isListed).forEach(suspects::add);
        }
        return suspects;
    }

    /**
     * For a translation its group calls stale: when its original changed and where it is. The
     * translation checks decide staleness (with the site's ignore patterns); this only shows it.
     */
    private static Optional<Map<String, String>> staleNotice(Release release, RenderedDocument document) {
        TranslationGroup group = document.translationKey() == null ? null
                : release.site.translations().get(document.translationKey());
        if (group == null || !"stale".equals(group.statusByLanguage().get(release.languageOf(document)))) {
            return Optional.empty();
        }
        TranslationGroup.Member original = group.defaultLanguage() == null ? null : group.members().get(group.defaultLanguage());
        if (original == null || original.lastChange() == null) {
            return Optional.empty();
        }
        return Optional.of(Map.of("date", DAY.format(original.lastChange()), "link", original.url().substring(1),
                "lang", group.defaultLanguage()));
    }


    private static String repoOf(Site site) {
        return site.documents().values().stream().map(RenderedDocument::repo).findFirst().orElse("") + "\u0000"
                + site.rootPath();
    }

    /** What every page's template gets: the site, links, head metadata, language navigation. */
    private Map<String, Object> pageModel(Release release, @Nullable RenderedDocument document, String url,
                                          List<LanguageSwitcher.Version> versions) {
        return pageModel(release, document, url, versions, document == null ? null : release.languageOf(document));
    }

    /** @param ownLanguage the page's language; absent for pages of every language (tag pages, 404) */
    private Map<String, Object> pageModel(Release release, @Nullable RenderedDocument document, String url,
                                          List<LanguageSwitcher.Version> versions, @Nullable String ownLanguage) {
        String language = ownLanguage == null ? release.defaultLanguage : ownLanguage;
        Map<String, Object> model = new HashMap<>();
        model.put("site", release.siteView);
        model.put("siteTitle", release.title);
        // Links are relative, so the site works under any prefix and from a copied folder.
        model.put("root", SiteUrls.rootFrom(url));
        model.put("url", url);
        model.put("lang", language);
        model.put("rtl", RTL.contains(language.split("-")[0]));
        model.put("assets", Map.of("css", assets.stylesheet().key(), "js", assets.script().key()));
        model.put("highlight", document != null && release.facts(document).hasCode());
        List<Map<String, Object>> nav = new ArrayList<>();
        if (release.languages.size() > 1) {
            for (String l : release.languages) {
                nav.add(Map.of("lang", l, "label", LanguageSwitcher.label(l), "link", release.homeUrl(l).substring(1),
                        "current", l.equals(ownLanguage)));
            }
        }
        model.put("languages", nav);
        model.put("feedPath", release.homeUrl(language).substring(1));
        model.put("t", ThemeStrings.of(language));

        Map<String, Object> head = new HashMap<>();
        head.put("canonical", release.urls.absolute(url));
        head.put("type", document == null ? "website" : "article");
        if (document != null) {
            String description = document.summary() != null ? document.summary() : release.facts(document).excerpt();
            head.put("description", description.isBlank() ? null : description);
            head.put("published", document.date() == null ? null : DateTimeFormatter.ISO_INSTANT.format(document.date()));
            head.put("modified", document.lastmod() == null ? null : DateTimeFormatter.ISO_INSTANT.format(document.lastmod()));
        } else {
            head.put("description", release.siteView.get("description"));
        }
        head.put("locale", language.replace('-', '_'));
        head.put("alternates", alternates(release, versions));
        model.put("head", head);
        model.put("translations", versions.stream().map(v -> Map.of("lang", v.language(), "label", v.label(),
                "link", v.url().substring(1), "current", v.current())).toList());
        return model;
    }

    /** hreflang links: every version of the page, and the default language's as {@code x-default}. */
    private static List<Map<String, String>> alternates(Release release, List<LanguageSwitcher.Version> versions) {
        List<Map<String, String>> alternates = new ArrayList<>();
        for (LanguageSwitcher.Version version : versions) {
            alternates.add(Map.of("lang", version.language(), "href", release.urls.absolute(version.url())));
        }
        xDefault(release, versions).ifPresent(v -> alternates.add(Map.of("lang", "x-default",
                "href", release.urls.absolute(v.url()))));
        return alternates;
    }

    private static Optional<LanguageSwitcher.Version> xDefault(Release release, List<LanguageSwitcher.Version> versions) {
        return versions.stream().filter(v -> v.language().equals(release.defaultLanguage)).findFirst()
                .or(() -> versions.stream().findFirst());
    }

    private Map<String, Object> docView(Release release, RenderedDocument document) {
        Map<String, Object> view = new HashMap<>();
        view.put("title", document.title());
        view.put("html", document.html());
        // Authors often open the body with the title as a heading; the page should not repeat it.
        view.put("bodyHasTitle", document.html().stripLeading().startsWith("<h1"));
        view.put("url", document.url());
        view.put("link", document.url().substring(1));
        view.put("date", document.date() == null ? null : DAY.format(document.date()));
        view.put("datetime", document.date() == null ? null : DateTimeFormatter.ISO_INSTANT.format(document.date()));
        view.put("updated", document.lastmod() == null || document.date() == null
                || DAY.format(document.lastmod()).equals(DAY.format(document.date())) ? null : DAY.format(document.lastmod()));
        view.put("tags", document.tags().stream().map(t -> Map.of("name", t, "link", "tags/" + SiteUrls.slug(t) + "/"))
                .toList());
        view.put("summary", document.summary());
        view.put("excerpt", release.facts(document).excerpt());
        view.put("readingMinutes", release.facts(document).readingMinutes());
        view.put("toc", document.toc().size() > 2 ? document.toc() : List.of());
        view.put("lang", release.languageOf(document));
        view.put("errors", document.diagnostics().stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).toList());
        view.put("params", document.params());
        return view;
    }

    /** A redirect page at each alias: meta refresh, canonical and a link, for clients without either. */
    private List<OutputObject> aliases(Release release) {
        if (release.replaced != null && release.pageContext == lastPageContext && lastAliases != null
                && release.replaced.keySet().stream().allMatch(d -> d.aliases().isEmpty())) {
            // No redirect names an edited document (a replacement has the aliases of the document it replaces).
            lastAliases.problems().forEach(p -> release.problem(p.getKey(), p.getValue()));
            return lastAliases.outputs();
        }
        List<Map.Entry<String, Diagnostic>> problems = new ArrayList<>();
        Set<String> taken = release.published.stream().map(RenderedDocument::url).collect(Collectors.toSet());
        Map<String, OutputObject> redirects = new TreeMap<>();
        for (RenderedDocument document : release.published) {
            for (String alias : document.aliases()) {
                String url = SiteUrls.normaliseAlias(alias);
                if (taken.contains(url) || redirects.containsKey(SiteUrls.keyOf(url))) {
                    problems.add(Map.entry(document.path(), Diagnostic.warning("url-conflict", "alias " + url
                            + " is already a page or another page's alias; no redirect is published there")));
                    continue;
                }
                Map<String, Object> model = new HashMap<>();
                model.put("root", SiteUrls.rootFrom(url));
                model.put("target", document.url().substring(1));
                model.put("canonical", release.urls.absolute(document.url()));
                model.put("title", document.title());
                model.put("lang", release.languageOf(document));
                redirects.put(SiteUrls.keyOf(url), OutputObject.html(SiteUrls.keyOf(url),
                        templates.render("alias", model, p -> problems.add(Map.entry(p.path(), p))),
                        release.site.cacheControl(), Role.PAGE));
            }
        }
        lastAliases = new Aliases(List.copyOf(redirects.values()), List.copyOf(problems));
        problems.forEach(p -> release.problem(p.getKey(), p.getValue()));
        return lastAliases.outputs();
    }

    /** The last release's redirect pages, and what making them found, by the path it is reported at. */
    private record Aliases(List<OutputObject> outputs, List<Map.Entry<String, Diagnostic>> problems) {}

    private @Nullable Aliases lastAliases;

    /**
     * The outputs {@code make} gives for {@code inputs}, from the last release when its inputs were
     * equal; template problems found while making them are reported again either way.
     */
    private List<OutputObject> memo(Release release, String key, Object inputs,
                                    java.util.function.Function<Consumer<Diagnostic>, List<OutputObject>> make) {
        Memo memo = memos.getOrDefault(repoOf(release.site), Map.of()).get(key);
        if (memo == null || !memo.inputs().equals(inputs)) {
            List<Diagnostic> problems = new ArrayList<>();
            memo = new Memo(inputs, make.apply(problems::add), List.copyOf(problems));
        }
        release.memos.put(key, memo);
        memo.problems().forEach(p -> release.problem(Objects.requireNonNullElse(p.path(), "layouts/"), p));
        return memo.outputs();
    }

    // ---- aggregates --------------------------------------------------------------------------

    private List<OutputObject> aggregates(Release release) {
        List<OutputObject> outputs = new ArrayList<>();
        for (String language : release.languages) {
            List<RenderedDocument> entries = release.listedByLanguage.getOrDefault(language, List.of());
            if (entries.isEmpty() && release.homes.get(language) == null && !language.equals(release.defaultLanguage)) {
                continue;
            }
            outputs.addAll(list(release, release.homeUrl(language), language, null, release.homes.get(language), entries));
        }
        outputs.addAll(tagPages(release, "tags", release.tags()));
        outputs.addAll(tagPages(release, "categories", release.categories()));
        outputs.addAll(memo(release, "404", release.pageContext, problems -> {
            Map<String, Object> notFound = pageModel(release, null, "/", List.of());
            notFound.put("root", release.site.rootPath());
            return List.of(OutputObject.html("404.html", templates.render("404", notFound, problems),
                    release.site.cacheControl(), Role.AGGREGATE));
        }));
        return outputs;
    }

    /** @param paths the documents' paths, so adding one is O(1) rather than a deep compare with every other */
    private record Tag(String name, String slug, List<RenderedDocument> documents, Set<String> paths) {}

    /** Tags by slug; tags that differ only in case or punctuation share one page, named as first written. */
    private static Map<String, Tag> tags(List<RenderedDocument> documents,
                                        java.util.function.Function<RenderedDocument, List<String>> tagsOf) {
        Map<String, Tag> tags = new HashMap<>();
        for (RenderedDocument document : documents) {
            for (String name : tagsOf.apply(document)) {
                Tag tag = tags.computeIfAbsent(SiteUrls.slug(name), s -> new Tag(name, s, new ArrayList<>(), new HashSet<>()));
                if (tag.paths().add(document.path())) {
                    tag.documents().add(document);
                }
            }
        }
        return new TreeMap<>(tags);
    }

    /** Hugo's {@code categories} front matter, kept by render among the page's params. */
    private static List<String> categories(RenderedDocument document) {
        Object value = document.params().get("categories");
        if (value instanceof Collection<?> list) {
            return list.stream().filter(Objects::nonNull).map(Object::toString).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
        }
        return value == null ? List.of() : java.util.Arrays.stream(value.toString().split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private List<OutputObject> tagPages(Release release, String folder, Map<String, Tag> tags) {
        if (tags.isEmpty()) {
            return List.of();
        }
        List<OutputObject> outputs = new ArrayList<>();
        for (Tag tag : tags.values()) {
            String url = "/" + folder + "/" + tag.slug() + "/";
            outputs.addAll(list(release, url, null, tag.name(), null, tag.documents()));
        }
        String url = "/" + folder + "/";
        List<Map<String, Object>> terms = tags.values().stream().map(t -> Map.<String, Object>of("name", t.name(),
                "link", folder + "/" + t.slug() + "/", "count", t.documents().size())).toList();
        outputs.addAll(memo(release, "terms:" + folder, List.of(release.pageContext, terms), problems -> {
            Map<String, Object> model = pageModel(release, null, url, List.of());
            model.put("kind", folder);
            model.put("tags", terms);
            return List.of(OutputObject.html(SiteUrls.keyOf(url), templates.render("terms", model, problems),
                    release.site.cacheControl(), Role.AGGREGATE));
        }));
        return outputs;
    }

    /** A paginated list: {@code url} shows the first page, {@code url}page/2/ the second, …. */
    private List<OutputObject> list(Release release, String url, @Nullable String language, @Nullable String tag,
                                    @Nullable RenderedDocument home, List<RenderedDocument> entries) {
        List<OutputObject> outputs = new ArrayList<>();
        int pageCount = Math.max(1, (entries.size() + release.pageSize - 1) / release.pageSize);
        for (int page = 1; page <= pageCount; page++) {
            String pageUrl = page == 1 ? url : url + "page/" + page + "/";
            List<RenderedDocument> slice = List.copyOf(entries.subList((page - 1) * release.pageSize,
                    Math.min(entries.size(), page * release.pageSize)));
            int number = page;
            List<Object> inputs = java.util.Arrays.asList(release.pageContext, url, language, tag,
                    page == 1 ? home : null, page == 1 && home != null ? release.versions(home) : List.of(), slice,
                    page, pageCount);
            outputs.addAll(memo(release, "list:" + pageUrl, inputs,
                    problems -> List.of(listPage(release, url, pageUrl, language, tag, home, slice, number, pageCount,
                            problems))));
        }
        return outputs;
    }

    private OutputObject listPage(Release release, String url, String pageUrl, @Nullable String language,
                                  @Nullable String tag, @Nullable RenderedDocument home, List<RenderedDocument> slice,
                                  int page, int pageCount, Consumer<Diagnostic> problems) {
        Map<String, Object> model = pageModel(release, page == 1 ? home : null, pageUrl,
                page == 1 && home != null ? release.versions(home) : List.of(), language);
        if (language == null) {
            model.put("feedPath", url.substring(1));
        }
        model.put("tag", tag);
        if (page == 1 && home != null) {
            model.put("doc", docView(release, home));
            @SuppressWarnings("unchecked")
            Map<String, Object> head = (Map<String, Object>) model.get("head");
            head.put("type", "website");
            if (release.siteView.get("description") != null && home.summary() == null) {
                // A home page's opening lines greet; the site's description says what the site is.
                head.put("description", release.siteView.get("description"));
            }
        }
        model.put("entries", slice.stream().map(d -> docView(release, d)).toList());
        Map<String, Object> pager = new HashMap<>();
        pager.put("page", page);
        pager.put("pages", pageCount);
        pager.put("previous", page == 1 ? null : (page == 2 ? url : url + "page/" + (page - 1) + "/").substring(1));
        pager.put("next", page == pageCount ? null : (url + "page/" + (page + 1) + "/").substring(1));
        model.put("pager", pager);
        return OutputObject.html(SiteUrls.keyOf(pageUrl), templates.render("index", model, problems),
                release.site.cacheControl(), Role.AGGREGATE);
    }

    // ---- feeds, sitemaps, robots ---------------------------------------------------------------

    private List<OutputObject> feedsAndSitemaps(Release release) {
        List<OutputObject> outputs = new ArrayList<>();
        boolean multilingual = release.languages.size() > 1;
        // The site's feed is its default language's; other languages have their own under /<lang>/.
        for (String language : release.languages) {
            List<RenderedDocument> entries = release.listedByLanguage.getOrDefault(language, List.of());
            if (entries.isEmpty() && !language.equals(release.defaultLanguage)) {
                continue;
            }
            String home = release.homeUrl(language);
            String title = multilingual ? release.title + " (" + LanguageSwitcher.label(language) + ")" : release.title;
            outputs.addAll(feeds(release, home, title, language, entries));
        }
        for (Tag tag : release.tags().values()) {
            outputs.addAll(feeds(release, "/tags/" + tag.slug() + "/", release.title + " · " + tag.name(), null,
                    tag.documents()));
        }
        outputs.addAll(sitemap(release));
        outputs.add(OutputObject.of("robots.txt", robots(release).getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8", release.site.cacheControl(), Role.FEED));
        return outputs;
    }

    private List<OutputObject> feeds(Release release, String url, String title, @Nullable String language,
                                     List<RenderedDocument> documents) {
        boolean reuse = release.feedEntriesContext.equals(feedEntriesContext);
        List<FeedEntry> entries = documents.stream().limit(release.feedSize)
                .map(d -> carried(release.feedEntries, reuse ? feedEntries : Map.of(), d,
                        document -> feedEntry(release, document))).toList();
        String home = release.urls.absolute(url);
        Feed feed = new Feed(title, home, home, language, entries);
        String folder = url.substring(1);
        String cache = release.site.cacheControl();
        return memo(release, "feeds:" + url, List.of(feed, cache), problems -> List.of(
                OutputObject.of(folder + FeedWriter.ATOM, FeedWriter.atom(feed), "application/atom+xml; charset=utf-8", cache, Role.FEED),
                OutputObject.of(folder + FeedWriter.RSS, FeedWriter.rss(feed), "application/rss+xml; charset=utf-8", cache, Role.FEED),
                OutputObject.of(folder + FeedWriter.JSON, FeedWriter.json(feed), "application/feed+json; charset=utf-8", cache, Role.FEED)));
    }

    private FeedEntry feedEntry(Release release, RenderedDocument document) {
        String url = release.urls.absolute(document.url());
        String summary = document.summary() != null ? document.summary() : release.facts(document).excerpt();
        String html = release.feedSummaries ? null : DocumentFacts.absoluteHtml(document.html(), url);
        return new FeedEntry(entryId(release, document), url, document.title(), html, summary.isBlank() ? null : summary,
                document.date(), document.lastmod() != null ? document.lastmod() : document.date(), document.tags(),
                release.languageOf(document));
    }

    /** The canonical URL when the site has a base URL; else a tag: URI that survives moving the site. */
    private static String entryId(Release release, RenderedDocument document) {
        if (release.urls.hasBaseUrl()) {
            return release.urls.absolute(document.url());
        }
        String authority = document.repo().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]+", "-");
        try {
            return new URI("tag", authority + ".inkstream.invalid,2026:" + document.url(), null).toASCIIString();
        } catch (URISyntaxException e) {
            return "tag:" + authority + ".inkstream.invalid,2026:" + SiteUrls.shortHash(document.url());
        }
    }

    private List<OutputObject> sitemap(Release release) {
        List<Sitemaps.Url> urls = new ArrayList<>();
        for (String language : release.languages) {
            RenderedDocument home = release.homes.get(language);
            urls.add(new Sitemaps.Url(release.urls.absolute(release.homeUrl(language)),
                    home == null ? null : home.lastmod(), Map.of()));
        }
        boolean reuse = release.pageContext.equals(lastPageContext);
        for (RenderedDocument document : release.listed) {
            List<LanguageSwitcher.Version> versions = release.versions(document);
            SitemapEntry known = reuse ? sitemapUrls.get(document) : null;
            Sitemaps.Url url;
            if (known != null && known.versions() == versions) {
                url = known.url();
            } else {
                Map<String, String> alternates = new LinkedHashMap<>();
                versions.forEach(v -> alternates.put(v.language(), release.urls.absolute(v.url())));
                xDefault(release, versions).ifPresent(v -> alternates.put("x-default", release.urls.absolute(v.url())));
                url = new Sitemaps.Url(release.urls.absolute(document.url()), document.lastmod(), alternates);
            }
            release.sitemapUrls.put(document, new SitemapEntry(url, versions));
            urls.add(url);
        }
        String base = release.urls.absolute("/");
        List<List<Sitemaps.Url>> parts = Sitemaps.parts(urls, Sitemaps.PART_URLS);
        if (parts.size() == 1) {
            return sitemapFile(release, "sitemap", List.of(base, urls), () -> Sitemaps.urlset(urls), Sitemaps.KEY);
        }
        List<OutputObject> files = new ArrayList<>();
        for (int n = 1; n <= parts.size(); n++) {
            List<Sitemaps.Url> part = parts.get(n - 1);
            files.addAll(sitemapFile(release, "sitemap-" + n, part, () -> Sitemaps.urlset(part), Sitemaps.partKey(n)));
        }
        files.addAll(sitemapFile(release, "sitemap", List.of(base, parts.size()), () -> Sitemaps.index(base, parts.size()),
                Sitemaps.KEY));
        return files;
    }

    /** One sitemap file, written again only when its inputs changed since the last release: an edit changes one part. */
    private List<OutputObject> sitemapFile(Release release, String name, Object inputs, Supplier<byte[]> bytes, String key) {
        Memo memo = memos.getOrDefault(repoOf(release.site), Map.of()).get(name);
        if (memo == null || !memo.inputs().equals(inputs)) {
            memo = new Memo(inputs, List.of(OutputObject.of(key, bytes.get(), "application/xml; charset=utf-8",
                    release.site.cacheControl(), Role.FEED)), List.of());
        }
        release.memos.put(name, memo);
        return memo.outputs();
    }

    /** Crawlers may read everything but the release's bookkeeping; the sitemap's URL needs the base URL. */
    private static String robots(Release release) {
        StringBuilder robots = new StringBuilder("User-agent: *\nAllow: /\nDisallow: ")
                .append(release.site.rootPath()).append("_inkstream/\n");
        if (release.urls.hasBaseUrl()) {
            robots.append("\nSitemap: ").append(release.urls.absolute("/" + Sitemaps.KEY)).append('\n');
        }
        return robots.toString();
    }

    // ---- diagnostics and assets ----------------------------------------------------------------

    /** The URL readers use for an object: {@code a/index.html} is {@code /a/}. */
    private static String urlOfKey(String key) {
        if (key.equals("index.html")) {
            return "/";
        }
        return key.endsWith("/index.html") ? "/" + key.substring(0, key.length() - "index.html".length()) : "/" + key;
    }

    /**
     * The release's diagnostics as JSON: every document with any (its own, and what publishing it
     * found: URL conflicts, template errors), every file ingest did not publish, and every source
     * hidden by a URL collision. Sorted, so it changes only when they do.
     */
    private OutputObject diagnostics(Release release) {
        Map<String, List<Diagnostic>> byPath = new TreeMap<>();
        release.site.documents().values().forEach(d -> {
            if (!d.diagnostics().isEmpty()) {
                byPath.put(d.path(), new ArrayList<>(d.diagnostics()));
            }
        });
        release.problems.forEach((path, list) -> byPath.computeIfAbsent(path, p -> new ArrayList<>()).addAll(list));
        List<Map<String, Object>> documents = new ArrayList<>();
        byPath.forEach((path, list) -> {
            RenderedDocument document = release.site.documents().get(path);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", path);
            entry.put("url", document == null ? "" : document.url());
            entry.put("diagnostics", list);
            documents.add(entry);
        });
        List<Map<String, Object>> notPublished = new ArrayList<>();
        release.site.skipped().forEach(s -> notPublished.add(Map.of("path", s.path(), "reason", s.reason())));
        release.problems.forEach((path, list) -> list.stream()
                .filter(d -> d.code().equals("url-conflict") && d.message().endsWith("this document is not"))
                .findFirst().ifPresent(d -> notPublished.add(Map.of("path", path, "reason", d))));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("documents", documents);
        report.put("notPublished", notPublished);
        if (lastDiagnostics == null || !lastDiagnostics.inputs().equals(report)) {
            lastDiagnostics = new Memo(report, List.of(OutputObject.of(DIAGNOSTICS_KEY, EventJson.write(report),
                    "application/json", "no-cache", Role.MANIFEST)), List.of());
        }
        return lastDiagnostics.outputs().getFirst();
    }

    /** The last release's diagnostics, written again only when they changed. */
    private @Nullable Memo lastDiagnostics;

    /**
     * Assets are published at their own path, copied from the blob ingest stored, when a
     * published page links to them: a repository's other files (scans, exports, drafts of a CV)
     * stay private unless a page points at them.
     */
    private List<OutputObject> assets(Release release) {
        Site site = release.site;
        boolean referencesMoved = release.replaced == null;
        if (release.replaced == null) {
            referenced = new HashMap<>();
            for (RenderedDocument page : site.documents().values()) {
                if (page.kind().isPage() && !page.draft()) {
                    release.references(page).forEach(path -> referenced.merge(path, 1, Integer::sum));
                }
            }
        } else {
            // An edit: only the replaced pages' links can have come or gone.
            Map<String, Integer> change = new HashMap<>();
            for (var replacement : release.replaced.entrySet()) {
                RenderedDocument old = replacement.getKey();
                RenderedDocument now = replacement.getValue();
                if (old.kind().isPage() && !old.draft()) {
                    references(old).forEach(path -> change.merge(path, -1, Integer::sum));
                    release.references(now).forEach(path -> change.merge(path, 1, Integer::sum));
                }
                referencesMoved |= now.kind() == DocumentKind.ASSET;
            }
            for (var linked : change.entrySet()) {
                if (linked.getValue() != 0) {
                    Integer count = referenced.merge(linked.getKey(), linked.getValue(), (before, plus) ->
                            before + plus == 0 ? null : before + plus);
                    referencesMoved |= count == null || count.equals(linked.getValue());
                }
            }
        }
        boolean reuse = site.assetCacheControl().equals(assetOutputsCacheControl);
        if (!referencesMoved && reuse) {
            return lastAssets;
        }
        List<OutputObject> assets = new ArrayList<>();
        for (RenderedDocument d : site.documents().values()) {
            if (d.kind() == DocumentKind.ASSET && d.blobRef() != null && referenced.containsKey(d.path())) {
                OutputObject known = reuse ? assetOutputs.get(d) : null;
                OutputObject asset = known != null ? known : OutputObject.copy(d.url().substring(1), d.blobRef(),
                        d.blobRef().substring(d.blobRef().lastIndexOf('/') + 1), MediaTypes.of(d.path()),
                        site.assetCacheControl());
                release.assetOutputs.put(d, asset);
                assets.add(asset);
            }
        }
        lastAssets = assetOrder.sort(assets, Comparator.comparing(OutputObject::key));
        return lastAssets;
    }

    /**
     * Repository paths that published pages link to: site-relative links as they are, relative
     * ones (from documents rendered before links were listed site-relative) from the page's folder.
     */
    static Set<String> referencedPaths(Site site) {
        Set<String> referenced = new HashSet<>();
        for (RenderedDocument page : site.documents().values()) {
            if (page.kind().isPage() && !page.draft()) {
                referenced.addAll(references(page));
            }
        }
        return referenced;
    }

    private static List<String> references(RenderedDocument page) {
        String folder = page.path().contains("/") ? page.path().substring(0, page.path().lastIndexOf('/') + 1) : "";
        List<String> paths = new ArrayList<>();
        for (String link : page.links()) {
            resolve(folder, link).ifPresent(paths::add);
        }
        return paths;
    }

    private static Optional<String> resolve(String folder, String link) {
        if (link.startsWith("/") && !link.startsWith("//")) {
            // Site-relative, as render lists a page's links (already decoded): an asset's URL is
            // its repository path.
            String path = link.replaceFirst("[?#].*$", "").substring(1);
            return path.isEmpty() || path.endsWith("/") ? Optional.empty() : Optional.of(path);
        }
        try {
            URI uri = new URI(null, null, link.replaceFirst("[?#].*$", ""), null);
            if (uri.getPath().isEmpty() || link.startsWith("//") || link.contains("://") || link.startsWith("mailto:")) {
                return Optional.empty();
            }
            URI base = new URI(null, null, "/" + folder, null);
            String path = base.resolve(uri).normalize().getPath();
            return path.startsWith("/") && !path.startsWith("/..") ? Optional.of(path.substring(1))
                    : Optional.empty();
        } catch (URISyntaxException notAPath) {
            return Optional.empty();
        }
    }

    /** {@code /posts/hello/} is stored as {@code posts/hello/index.html}. */
    static String keyOf(String url) {
        return SiteUrls.keyOf(url);
    }

    /** Relative path from a page URL to the site root: {@code /a/b/} gives {@code ../../}. */
    static String rootFrom(String url) {
        return SiteUrls.rootFrom(url);
    }
}
