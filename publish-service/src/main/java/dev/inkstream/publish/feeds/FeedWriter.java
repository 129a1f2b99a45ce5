package dev.inkstream.publish.feeds;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.inkstream.events.EventJson;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * Writes a {@link Feed} as Atom 1.0 and RSS 2.0 (with ROME) and as JSON Feed 1.1 (with Jackson).
 * Output is a function of the feed alone: no clock, so an unchanged feed keeps its bytes and is
 * not uploaded again.
 */
public final class FeedWriter {

    public static final String ATOM = "feed.xml";
    public static final String RSS = "rss.xml";
    public static final String JSON = "feed.json";
    public static final String JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

    private static final Instant EPOCH = Instant.EPOCH;

    public static byte[] atom(Feed feed) {
        SyndFeed syndFeed = syndFeed(feed, "atom_1.0");
        Document document = jdom(syndFeed);
        Element root = document.getRootElement();
        // ROME leaves xml:lang and xml:base out of Atom; readers use them for text direction and for
        // resolving any link the content still has.
        if (feed.language() != null) {
            root.setAttribute("lang", feed.language(), Namespace.XML_NAMESPACE);
        }
        Namespace atom = root.getNamespace();
        List<Element> entries = root.getChildren("entry", atom);
        for (int i = 0; i < entries.size(); i++) {
            FeedEntry entry = feed.entries().get(i);
            entries.get(i).setAttribute("base", entry.url(), Namespace.XML_NAMESPACE);
            if (entry.language() != null && !entry.language().equals(feed.language())) {
                entries.get(i).setAttribute("lang", entry.language(), Namespace.XML_NAMESPACE);
            }
        }
        return xml(document);
    }

    public static byte[] rss(Feed feed) {
        return xml(jdom(syndFeed(feed, "rss_2.0")));
    }

    /** JSON Feed 1.1: {@code version}, {@code title} and {@code items} required; each item needs {@code id}. */
    public static byte[] json(Feed feed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", JSON_FEED_VERSION);
        json.put("title", feed.title());
        json.put("home_page_url", feed.homeUrl());
        json.put("feed_url", feed.feedBase() + JSON);
        if (feed.language() != null) {
            json.put("language", feed.language());
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (FeedEntry entry : feed.entries()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", entry.id());
            item.put("url", entry.url());
            item.put("title", entry.title());
            if (entry.html() != null) {
                item.put("content_html", entry.html());
            } else {
                item.put("content_text", Objects.requireNonNullElse(entry.summary(), entry.title()));
            }
            if (entry.summary() != null) {
                item.put("summary", entry.summary());
            }
            if (entry.published() != null) {
                item.put("date_published", DateTimeFormatter.ISO_INSTANT.format(entry.published()));
            }
            if (entry.updated() != null) {
                item.put("date_modified", DateTimeFormatter.ISO_INSTANT.format(entry.updated()));
            }
            if (!entry.tags().isEmpty()) {
                item.put("tags", entry.tags());
            }
            if (entry.language() != null) {
                item.put("language", entry.language());
            }
            items.add(item);
        }
        json.put("items", items);
        return EventJson.write(json);
    }

    private static SyndFeed syndFeed(Feed feed, String type) {
        SyndFeed syndFeed = new SyndFeedImpl();
        syndFeed.setFeedType(type);
        syndFeed.setTitle(feed.title());
        syndFeed.setLink(feed.homeUrl());
        syndFeed.setUri(feed.homeUrl());
        syndFeed.setDescription(feed.title());
        syndFeed.setLanguage(feed.language());
        SyndLink self = new SyndLinkImpl();
        self.setRel("self");
        self.setHref(feed.feedBase() + (type.startsWith("atom") ? ATOM : RSS));
        self.setType(type.startsWith("atom") ? "application/atom+xml" : "application/rss+xml");
        SyndLink alternate = new SyndLinkImpl();
        alternate.setRel("alternate");
        alternate.setHref(feed.homeUrl());
        alternate.setType("text/html");
        syndFeed.setLinks(List.of(alternate, self));
        // The feed changed when its newest entry did: git's time, never the clock.
        Instant updated = feed.entries().stream().map(e -> e.updated() != null ? e.updated() : e.published())
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(EPOCH);
        syndFeed.setPublishedDate(Date.from(updated));
        List<SyndEntry> entries = new ArrayList<>();
        for (FeedEntry entry : feed.entries()) {
            SyndEntry syndEntry = new SyndEntryImpl();
            syndEntry.setUri(entry.id());
            syndEntry.setLink(entry.url());
            syndEntry.setTitle(entry.title());
            Instant published = entry.published() != null ? entry.published() : entry.updated();
            Instant modified = entry.updated() != null ? entry.updated() : published;
            syndEntry.setPublishedDate(published == null ? Date.from(EPOCH) : Date.from(published));
            syndEntry.setUpdatedDate(modified == null ? Date.from(EPOCH) : Date.from(modified));
            if (entry.summary() != null) {
                syndEntry.setDescription(content("text", entry.summary()));
            }
            if (entry.html() != null) {
                syndEntry.setContents(List.of(content("html", entry.html())));
            }
            List<SyndCategory> categories = new ArrayList<>();
            for (String tag : entry.tags()) {
                SyndCategory category = new SyndCategoryImpl();
                category.setName(tag);
                categories.add(category);
            }
            syndEntry.setCategories(categories);
            entries.add(syndEntry);
        }
        syndFeed.setEntries(entries);
        return syndFeed;
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static Document jdom(SyndFeed feed) {
        try {
            return new WireFeedOutput().outputJDom(feed.createWireFeed());
        } catch (FeedException e) {
            throw new IllegalStateException("ROME refused a feed built here: " + e.getMessage(), e);
        }
    }

    private static byte[] xml(Document document) {
        StringWriter out = new StringWriter();
        try {
            new XMLOutputter(Format.getPrettyFormat().setEncoding("UTF-8")).output(document, out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to a string cannot fail", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private FeedWriter() {}
}
