package se.radhus.common.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Keyset pagination by {@code _id} (string ids): stable under inserts, no skip. The page token is the
 * last id of the previous page, sealed by {@link PageTokens}: it names no id to its holder, and a token
 * that was changed is refused.
 */
public final class Pages {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 1000;

    private Pages() {
    }

    /** One page of items and the token for the next page, empty when there is none. */
    public record Page<T>(List<T> items, String nextPageToken) {

        public <R> Page<R> map(Function<T, R> mapper) {
            return new Page<>(items.stream().map(mapper).toList(), nextPageToken);
        }
    }

    /** The page size to use: 0 or less means the default, more than the maximum is capped. */
    public static int clampPageSize(int requested) {
        if (requested <= 0) {
            return DEFAULT_PAGE_SIZE;
        }
        return Math.min(requested, MAX_PAGE_SIZE);
    }

    /** Seals a cursor (the last id of a page, an offset) into a page token: see {@link PageTokens}. */
    public static String encodeToken(String cursor) {
        return PageTokens.seal(cursor);
    }

    /** @throws IllegalArgumentException when the token was not made by {@link #encodeToken} (here, with this key). */
    public static String decodeToken(String token) {
        return PageTokens.open(token);
    }

    public static <T> Page<T> list(MongoCollection<Document> collection, Bson filter, int pageSize,
                                   String pageToken, Function<Document, T> mapper) {
        return list(collection, filter, pageSize, pageToken, d -> d.getString("_id"), mapper);
    }

    /** One page of the documents the filter matches, in {@code _id} order, each mapped to an item. */
    public static <D, T> Page<T> list(MongoCollection<D> collection, Bson filter, int pageSize, String pageToken,
                                      Function<D, String> idOf, Function<D, T> mapper) {
        int size = clampPageSize(pageSize);
        Bson query = filter;
        if (pageToken != null && !pageToken.isEmpty()) {
            query = Filters.and(filter, Filters.gt("_id", decodeToken(pageToken)));
        }
        List<D> docs = collection.find(query).sort(Sorts.ascending("_id")).limit(size + 1)
                .into(new ArrayList<>());
        String next = "";
        if (docs.size() > size) {
            docs = docs.subList(0, size);
            next = encodeToken(idOf.apply(docs.get(size - 1)));
        }
        return new Page<>(docs.stream().map(mapper).toList(), next);
    }
}
