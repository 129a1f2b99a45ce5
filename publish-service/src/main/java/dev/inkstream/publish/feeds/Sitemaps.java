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
 * every translation of a page and {@code x-default}; past {@link #MAX_URLS} URLs, {@code sitemap.xml}
 * becomes a sitemap index over {@code sitemap-1.xml}, {@code sitemap-2.xml}, ….
 */
public final class Sitemaps {

    /** The protocol's limit of URLs per sitemap file. */
    public static final int MAX_URLS = 50_000;
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

    /** Object key to bytes: one sitemap, or an index and its parts. */
    public static Map<String, byte[]> write(String base, List<Url> urls) {
        return write(base, urls, MAX_URLS);
    }

    static Map<String, byte[]> write(String base, List<Url> urls, int maxUrls) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (urls.size() <= maxUrls) {
            files.put(KEY, urlset(urls));
            return files;
        }
        List<String> parts = new ArrayList<>();
        for (int from = 0, n = 1; from < urls.size(); from += maxUrls, n++) {
            String key = "sitemap-" + n + ".xml";
            files.put(key, urlset(urls.subList(from, Math.min(urls.size(), from + maxUrls))));
            parts.add(base + key);
        }
        files.put(KEY, index(parts));
        return files;
    }

    private static byte[] urlset(List<Url> urls) {
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
