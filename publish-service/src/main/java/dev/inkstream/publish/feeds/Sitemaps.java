package dev.inkstream.publish.feeds;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * {@code sitemap.xml} (sitemaps.org 0.9) with {@code xhtml:link rel="alternate" hreflang} for
 * every translation of a page and {@code x-default}. Past {@link #PART_URLS} URLs,
 * {@code sitemap.xml} becomes a sitemap index over {@code sitemap-1.xml} … {@code sitemap-N.xml}:
 * N is a power of two, and a URL's part follows from the URL alone, so an edit (a new
 * {@code lastmod}) or a new page rewrites one part of a large site, not all of its sitemap, and
 * the index stays as it was until the site doubles or halves.
 */
public final class Sitemaps {

    /** URLs per part, on average at most, past which the sitemap is split (the protocol allows 50,000). */
    public static final int PART_URLS = 1_000;
    public static final String KEY = "sitemap.xml";

    private static final String NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    /**
     * @param location   absolute URL
     * @param lastmod    last change from git
     * @param alternates hreflang (including {@code x-default}) to absolute URL; empty for a page
     *                   with no translation
     */
    public record Url(String location, @Nullable Instant lastmod, Map<String, String> alternates) {}

    /** Object key to bytes: one sitemap, or an index and its parts, in order. */
    public static Map<String, byte[]> write(String base, List<Url> urls) {
        return write(base, urls, PART_URLS);
    }

    static Map<String, byte[]> write(String base, List<Url> urls, int partUrls) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<List<Url>> parts = parts(urls, partUrls);
        if (parts.size() == 1) {
            files.put(KEY, urlset(urls));
            return files;
        }
        for (int n = 1; n <= parts.size(); n++) {
            files.put(partKey(n), urlset(parts.get(n - 1)));
        }
        files.put(KEY, index(base, parts.size()));
        return files;
    }

    /**
     * The URLs of each part, in their order in {@code urls}: as many parts as the smallest power
     * of two that leaves at most {@code partUrls} to a part on average; one part for a small site.
     */
    public static List<List<Url>> parts(List<Url> urls, int partUrls) {
        int count = 1;
        while ((long) count * partUrls < urls.size()) {
            count *= 2;
        }
        List<List<Url>> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        for (Url url : urls) {
            parts.get(count == 1 ? 0 : part(url.location(), count)).add(url);
        }
        return parts;
    }

    /** The part of a URL among {@code count} (a power of two): from its text alone, the same in every release. */
    private static int part(String location, int count) {
        int hash = location.hashCode();
        hash ^= hash >>> 16;
        hash *= 0x45d9f3b;
        hash ^= hash >>> 16;
        return hash & (count - 1);
    }

    /** The key of the {@code n}th part (from 1). */
    public static String partKey(int n) {
        return "sitemap-" + n + ".xml";
    }

    /** The index over {@code count} parts. */
    public static byte[] index(String base, int count) {
        List<String> locations = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
            locations.add(base + partKey(n));
        }
        return index(locations);
    }

    public static byte[] urlset(List<Url> urls) {
        return document(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(NS);
            xml.writeNamespace("xhtml", XHTML);
            for (Url url : urls) {
                xml.writeStartElement(NS, "url");
                element(xml, "loc", url.location());
                if (url.lastmod() != null) {
                    element(xml, "lastmod", DateTimeFormatter.ISO_INSTANT.format(url.lastmod()));
                }
                for (var alternate : url.alternates().entrySet()) {
                    xml.writeEmptyElement(XHTML, "link");
                    xml.writeAttribute("rel", "alternate");
                    xml.writeAttribute("hreflang", alternate.getKey());
                    xml.writeAttribute("href", alternate.getValue());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    private static byte[] index(List<String> parts) {
        return document(xml -> {
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(NS);
            for (String part : parts) {
                xml.writeStartElement(NS, "sitemap");
                element(xml, "loc", part);
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] document(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newInstance().createXMLStreamWriter(out, "UTF-8");
            xml.setDefaultNamespace(NS);
            xml.setPrefix("xhtml", XHTML);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to memory cannot fail: " + e.getMessage(), e);
        }
        out.write('\n');
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(NS, name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private Sitemaps() {}
}
