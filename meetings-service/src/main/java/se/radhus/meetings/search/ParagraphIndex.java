package se.radhus.meetings.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import se.radhus.common.diarium.Diarienummer;
import se.radhus.meetings.domain.DecisionSection;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Motion;
import se.radhus.meetings.domain.Paragraph;

/**
 * Swedish full-text search over adjusted paragraphs (Apache Lucene, Swedish stemming): title, decision,
 * description and motions; an exact diarienummer finds its paragraphs; facets by body, year and kind;
 * highlighted snippets. Drafts are never indexed. The index is derived from the store: it can always be
 * built again from the protocols.
 */
public final class ParagraphIndex implements AutoCloseable {

    static final Map<String, Float> FIELDS = Map.of("title", 4f, "decision", 2f, "description", 1f, "motions", 1f);
    static final int MAX_FACET_HITS = 10_000;

    private final Analyzer analyzer = new SwedishAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** One hit: where the paragraph stands, its score and highlighted snippets. */
    public record Hit(String meetingId, String bodyId, String date, int paragraph, String caseNumber, String title, String kind,
                      float score, List<String> snippets) {
    }

    /** A page of hits with the facet counts of all that matched. */
    public record Result(long total, List<Hit> hits, Map<String, Map<String, Integer>> facets) {
    }

    public ParagraphIndex(Path folder) {
        try {
            this.directory = FSDirectory.open(folder);
            this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer));
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + folder, e);
        }
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    static String key(Meeting m, Paragraph p) {
        return m.bodyId() + "/" + m.date() + "/" + p.number();
    }

    /** Indexes the meeting's public paragraphs (again: a paragraph replaces its earlier version). */
    public void index(Meeting m, java.util.Set<String> protectedNames) {
        try {
            for (Paragraph p : m.paragraphs()) {
                if (!m.isPublic(p)) {
                    continue;
                }
                Document d = new Document();
                d.add(new StringField("key", key(m, p), Field.Store.YES));
                d.add(new StringField("meetingId", m.id(), Field.Store.YES));
                d.add(new StringField("bodyId", m.bodyId(), Field.Store.YES));
                d.add(new StringField("year", Integer.toString(m.date().getYear()), Field.Store.YES));
                d.add(new StoredField("date", m.date().toString()));
                d.add(new StoredField("paragraph", p.number()));
                String kind = p.kind().name();
                d.add(new StringField("kind", kind, Field.Store.YES));
                if (p.caseNumber() != null) {
                    d.add(new StringField("caseNumber", p.caseNumber().toString(), Field.Store.YES));
                }
                d.add(new TextField("title", p.title(), Field.Store.YES));
                StringBuilder decision = new StringBuilder();
                for (DecisionSection s : p.decisions()) {
                    s.clauses().forEach(c -> decision.append("att ").append(c).append('\n'));
                }
                d.add(new TextField("decision", decision.toString(), Field.Store.YES));
                if (p.description() != null) {
                    d.add(new TextField("description", redact(p.description(), protectedNames), Field.Store.YES));
                }
                StringBuilder motions = new StringBuilder();
                for (Motion mo : p.motions()) {
                    motions.append(mo.text() == null ? "" : mo.text()).append('\n');
                }
                d.add(new TextField("motions", motions.toString(), Field.Store.YES));
                writer.updateDocument(new Term("key", key(m, p)), d);
            }
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String redact(String text, java.util.Set<String> names) {
        String out = text;
        for (String n : names) {
            out = out.replace(n, se.radhus.meetings.domain.Visibility.PROTECTED);
        }
        return out;
    }

    /**
     * @param q        words (Swedish, stemmed) or a diarienummer in any spelling
     * @param bodyId   only this body, if given
     * @param year     only this year, if given
     */
    public Result search(String q, String bodyId, Integer year, int offset, int limit) {
        Query text = query(q);
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, BooleanClause.Occur.MUST);
        if (bodyId != null && !bodyId.isBlank()) {
            b.add(new TermQuery(new Term("bodyId", bodyId)), BooleanClause.Occur.FILTER);
        }
        if (year != null) {
            b.add(new TermQuery(new Term("year", year.toString())), BooleanClause.Occur.FILTER);
        }
        Query query = b.build();
        try {
            IndexSearcher s = searchers.acquire();
            try {
                TopDocs top = s.search(query, Math.max(1, Math.min(MAX_FACET_HITS, offset + limit + MAX_FACET_HITS)));
                Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
                facets.put("body", new TreeMap<>());
                facets.put("year", new TreeMap<>());
                facets.put("kind", new TreeMap<>());
                var stored = s.storedFields();
                for (ScoreDoc sd : top.scoreDocs) {
                    Document d = stored.document(sd.doc);
                    facets.get("body").merge(d.get("bodyId"), 1, Integer::sum);
                    facets.get("year").merge(d.get("year"), 1, Integer::sum);
                    facets.get("kind").merge(d.get("kind"), 1, Integer::sum);
                }
                Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), new QueryScorer(text));
                List<Hit> hits = new ArrayList<>();
                for (int i = offset; i < Math.min(top.scoreDocs.length, offset + limit); i++) {
                    Document d = stored.document(top.scoreDocs[i].doc);
                    List<String> snippets = new ArrayList<>();
                    for (String f : List.of("title", "decision", "description", "motions")) {
                        String value = d.get(f);
                        if (value != null && snippets.size() < 3) {
                            String frag = highlighter.getBestFragment(analyzer, f, value);
                            if (frag != null) {
                                snippets.add(frag.strip());
                            }
                        }
                    }
                    hits.add(new Hit(d.get("meetingId"), d.get("bodyId"), d.get("date"),
                            d.getField("paragraph").numericValue().intValue(), d.get("caseNumber"), d.get("title"), d.get("kind"),
                            top.scoreDocs[i].score, snippets));
                }
                return new Result(top.totalHits.value(), hits, facets);
            } finally {
                searchers.release(s);
            }
        } catch (IOException | org.apache.lucene.search.highlight.InvalidTokenOffsetsException e) {
            throw new IllegalStateException("search failed", e);
        }
    }

    Query query(String q) {
        if (q == null || q.isBlank()) {
            throw new IllegalArgumentException("q is the words to search for, or a diarienummer");
        }
        try {
            return new TermQuery(new Term("caseNumber", Diarienummer.parse(q).toString()));
        } catch (IllegalArgumentException notACaseNumber) {
            MultiFieldQueryParser parser = new MultiFieldQueryParser(FIELDS.keySet().toArray(String[]::new), analyzer, FIELDS);
            try {
                // lower case: AND, OR and NOT are words here, not operators
                String words = (q.length() > 500 ? q.substring(0, 500) : q).toLowerCase(java.util.Locale.ROOT);
                return parser.parse(QueryParser.escape(words));
            } catch (ParseException e) {
                throw new IllegalArgumentException("q could not be read as search words", e);
            }
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
