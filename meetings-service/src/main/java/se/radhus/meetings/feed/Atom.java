package se.radhus.meetings.feed;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** An Atom feed (RFC 4287), written with the JDK's StAX writer, which escapes every text. */
public final class Atom {

    public static final String MEDIA_TYPE = "application/atom+xml";
    static final String NS = "http://www.w3.org/2005/Atom";

    private Atom() {
    }

    /** One entry: its id (an IRI), title, last update, link (absolute) and plain-text summary. */
    public record Entry(String id, String title, OffsetDateTime updated, String link, String summary) {
    }

    /** A feed: its id, title, self link, alternate link, last update (the newest entry's, or {@code fallback}) and entries. */
    public record Feed(String id, String title, String self, String alternate, OffsetDateTime updated, List<Entry> entries) {
    }

    public static String write(Feed feed) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("feed");
            x.writeDefaultNamespace(NS);
            x.writeAttribute("xml:lang", "sv");
            text(x, "id", feed.id());
            text(x, "title", feed.title());
            text(x, "updated", format(feed.updated()));
            link(x, "self", feed.self(), MEDIA_TYPE);
            if (feed.alternate() != null) {
                link(x, "alternate", feed.alternate(), "application/json");
            }
            x.writeStartElement("author");
            text(x, "name", "Rådhus");
            x.writeEndElement();
            for (Entry e : feed.entries()) {
                x.writeStartElement("entry");
                text(x, "id", e.id());
                text(x, "title", e.title());
                text(x, "updated", format(e.updated()));
                link(x, "alternate", e.link(), null);
                if (e.summary() != null && !e.summary().isBlank()) {
                    x.writeStartElement("summary");
                    x.writeAttribute("type", "text");
                    x.writeCharacters(clean(e.summary()));
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the feed", e);
        }
        return out.toString();
    }

    static String format(OffsetDateTime t) {
        return t.withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void text(XMLStreamWriter x, String name, String value) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(clean(value == null ? "" : value));
        x.writeEndElement();
    }

    private static void link(XMLStreamWriter x, String rel, String href, String type) throws XMLStreamException {
        x.writeEmptyElement("link");
        x.writeAttribute("rel", rel);
        x.writeAttribute("href", href);
        if (type != null) {
            x.writeAttribute("type", type);
        }
    }

    /** XML 1.0 has no place for most control characters: they go. */
    static String clean(String s) {
        return s.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "");
    }
}
