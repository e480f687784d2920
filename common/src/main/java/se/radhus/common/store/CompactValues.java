package se.radhus.common.store;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the embedded store writes documents (and index keys) into its file: as BSON, where H2's generic type
 * Java-serialises them (a stream header and class descriptors per value, every time a page is written, and
 * MVStore writes every page a commit changed whole: each insert re-serialised the neighbours on its page).
 *
 * <p>A value is written as BSON only when it reads back equal and of the same classes: documents and lists
 * of strings, 32- and 64-bit integers, doubles, booleans, nulls, object ids and instants of whole
 * milliseconds (what BSON holds exactly; a list reads back as an {@link ArrayList}). Anything else is written
 * as before, and whatever was written before (or by the library's own type) is read as before: a file needs no
 * conversion, and pages written again take the new form. Tags 120 and 121 are ones {@link ObjectDataType}
 * does not use.
 */
class CompactValues extends ObjectDataType {

    static final byte TAG_DOCUMENT = 120;
    static final byte TAG_KEY = 121;

    /**
     * What a document or key is taken to weigh in memory (MVStore splits pages and fills its cache by it): the
     * running average of what this type wrote or read, as H2's own type keeps one of the serialised sizes. An
     * estimate that never moved would split pages after a document or two and keep a tenth of the cache.
     */
    private volatile int averageSize = 512;

    @Override
    public int getMemory(Object obj) {
        return obj instanceof Document || obj instanceof KeyValue ? averageSize : super.getMemory(obj);
    }

    private void weighed(int size) {
        averageSize = (size + 15 * averageSize) / 16;
    }

    @Override
    public void write(WriteBuffer buff, Object obj) {
        ByteBuf bson = null;
        byte tag = 0;
        if (obj instanceof Document d && exact(d, 0)) {
            tag = TAG_DOCUMENT;
            bson = bson(d);
        } else if (obj instanceof KeyValue k && exactValues(k)) {
            Document fields = new Document();
            for (int i = 0; i < k.size(); i++) {
                fields.put(Integer.toString(i), k.get(i));
            }
            tag = TAG_KEY;
            bson = bson(fields);
        }
        if (bson == null) {
            super.write(buff, obj);
            return;
        }
        weighed(bson.readableBytes());
        buff.put(tag);
        buff.putVarInt(bson.readableBytes());
        buff.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
    }

    @Override
    public Object read(ByteBuffer buff) {
        byte tag = buff.get(buff.position());
        if (tag != TAG_DOCUMENT && tag != TAG_KEY) {
            return super.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        weighed(length);
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice(buff.position(), length));
        buff.position(buff.position() + length);
        Document d = BsonDecoder.decodeBson(bson);
        return tag == TAG_DOCUMENT ? d : new KeyValue(new ArrayList<>(d.values()));
    }

    /** The document as BSON, or null when the encoder refuses it (then it is written as before): nothing is written half. */
    private static ByteBuf bson(Document d) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(d, bson);
            return bson;
        } catch (RuntimeException refused) {
            return null;
        }
    }

    private static boolean exactValues(KeyValue k) {
        for (Object v : k) {
            if (!exact(v, 1)) {
                return false;
            }
        }
        return true;
    }

    /** Whether BSON gives this value back equal and of the same class. */
    static boolean exact(Object v, int depth) {
        if (depth > 90) {
            return false;
        }
        if (v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Double
                || v instanceof Boolean || v instanceof ObjectId) {
            return true;
        }
        if (v instanceof Instant i) {
            return i.getNano() % 1_000_000 == 0 && i.getEpochSecond() > -9_000_000_000_000_000L / 1000
                    && i.getEpochSecond() < 9_000_000_000_000_000L / 1000;
        }
        if (v instanceof Document d) {
            for (Map.Entry<String, Object> e : d.entrySet()) {
                if (e.getKey() == null || e.getKey().indexOf('\0') >= 0 || !exact(e.getValue(), depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof List<?> l) {
            for (Object x : l) {
                if (!exact(x, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }
}
