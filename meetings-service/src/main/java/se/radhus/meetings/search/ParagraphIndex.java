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
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.BytesRef;
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
 * highlighted snippets. Only what the public may see is indexed: never a draft, a protected person's name or
 * a secret text (the callers index {@link se.radhus.meetings.domain.Visibility}'s public view). The index is derived from the store: it can always be
 * built again from the protocols.
 */
public final class ParagraphIndex implements AutoCloseable {

    /** What the index holds: the public views of the paragraphs (no protected name, nothing secret). An index of another schema is built again. */
    static final String SCHEMA = "public-views-2";

    static final Map<String, Float> FIELDS = Map.of("title", 4f, "decision", 2f, "description", 1f, "motions", 1f);

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

    /** True when the index is empty or was written before facets were kept as doc values: build it again. */
    public boolean needsRebuild() {
        if (size() == 0) {
            return true;
        }
        IndexSearcher s = null;
        try {
            s = searchers.acquire();
            var reader = (org.apache.lucene.index.DirectoryReader) s.getIndexReader();
            return org.apache.lucene.index.FieldInfos.getMergedFieldInfos(reader).fieldInfo("facet.body") == null
                    || !SCHEMA.equals(reader.getIndexCommit().getUserData().get("schema"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (s != null) {
                try {
                    searchers.release(s);
                } catch (IOException ignored) {
                    // released or not, the answer stands
                }
            }
        }
    }

    /** Empties the index, before a rebuild. */
    public void clear() {
        try {
            writer.deleteAll();
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return writer.getDocStats().numDocs;
    }

    static String key(Meeting m, Paragraph p) {
        return m.bodyId() + "/" + m.date() + "/" + p.number();
    }

    /** Indexes the meeting's public paragraphs (again: a paragraph replaces its earlier version), durably. */
    public void index(Meeting m) {
        indexAll(List.of(m));
    }

    /** Indexes many meetings with one commit: a rebuild. */
    public void indexAll(Iterable<Meeting> meetings) {
        try {
            for (Meeting m : meetings) {
                add(m);
            }
            writer.setLiveCommitData(Map.of("schema", SCHEMA).entrySet());
            writer.commit();
            searchers.maybeRefresh();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Meeting m) throws IOException {
        for (Paragraph p : m.paragraphs()) {
            if (!m.isPublic(p)) {
                continue;
            }
            Document d = new Document();
            d.add(new StringField("key", key(m, p), Field.Store.YES));
            d.add(new StringField("meetingId", m.id(), Field.Store.YES));
            d.add(new StringField("bodyId", m.bodyId(), Field.Store.YES));
            d.add(new StringField("year", Integer.toString(m.date().getYear()), Field.Store.YES));
            d.add(new SortedDocValuesField("facet.body", new BytesRef(m.bodyId())));
            d.add(new SortedDocValuesField("facet.year", new BytesRef(Integer.toString(m.date().getYear()))));
            d.add(new SortedDocValuesField("facet.kind", new BytesRef(p.kind().name())));
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
                d.add(new TextField("description", p.description(), Field.Store.YES));
            }
            StringBuilder motions = new StringBuilder();
            for (Motion mo : p.motions()) {
                motions.append(mo.text() == null ? "" : mo.text()).append('\n');
            }
            d.add(new TextField("motions", motions.toString(), Field.Store.YES));
            writer.updateDocument(new Term("key", key(m, p)), d);
        }
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
                TopDocs top = s.search(query, Math.max(1, offset + limit));
                Map<String, Map<String, Integer>> facets = s.search(query, new FacetCounts());
                var stored = s.storedFields();
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

    /** Counts body, year and kind over every match, from doc values: no stored document is read. */
    static final class FacetCounts implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Integer>>> {
        static final String[] NAMES = {"body", "year", "kind"};

        static final class Counter extends SimpleCollector {
            final List<Map<String, Integer>> counts = List.of(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
            final SortedDocValues[] values = new SortedDocValues[NAMES.length];
            final List<Map<Integer, Integer>> byOrd = List.of(new java.util.HashMap<>(), new java.util.HashMap<>(), new java.util.HashMap<>());

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                flush();
                for (int i = 0; i < NAMES.length; i++) {
                    values[i] = DocValues.getSorted(context.reader(), "facet." + NAMES[i]);
                }
            }

            @Override
            public void collect(int doc) throws IOException {
                for (int i = 0; i < NAMES.length; i++) {
                    if (values[i].advanceExact(doc)) {
                        byOrd.get(i).merge(values[i].ordValue(), 1, Integer::sum);
                    }
                }
            }

            /** Ordinals are per segment: turn them into names before the next one. */
            void flush() throws IOException {
                for (int i = 0; i < NAMES.length; i++) {
                    if (values[i] != null) {
                        for (Map.Entry<Integer, Integer> e : byOrd.get(i).entrySet()) {
                            counts.get(i).merge(values[i].lookupOrd(e.getKey()).utf8ToString(), e.getValue(), Integer::sum);
                        }
                    }
                    byOrd.get(i).clear();
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        }

        @Override
        public Counter newCollector() {
            return new Counter();
        }

        @Override
        public Map<String, Map<String, Integer>> reduce(java.util.Collection<Counter> collectors) throws IOException {
            Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
            for (int i = 0; i < NAMES.length; i++) {
                Map<String, Integer> total = new TreeMap<>();
                for (Counter c : collectors) {
                    c.flush();
                    c.counts.get(i).forEach((k, v) -> total.merge(k, v, Integer::sum));
                }
                out.put(NAMES[i], total);
            }
            return out;
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
