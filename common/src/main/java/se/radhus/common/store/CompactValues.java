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

    @Override
    public void write(WriteBuffer buff, Object obj) {
        if (obj instanceof Document d && exact(d, 0)) {
            buff.put(TAG_DOCUMENT);
            bytes(buff, d);
        } else if (obj instanceof KeyValue k && exactValues(k)) {
            buff.put(TAG_KEY);
            Document fields = new Document();
            for (int i = 0; i < k.size(); i++) {
                fields.put(Integer.toString(i), k.get(i));
            }
            bytes(buff, fields);
        } else {
            super.write(buff, obj);
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        byte tag = buff.get(buff.position());
        if (tag != TAG_DOCUMENT && tag != TAG_KEY) {
            return super.read(buff);
        }
        buff.get();
        int length = DataUtils.readVarInt(buff);
        ByteBuf bson = Unpooled.wrappedBuffer(buff.slice(buff.position(), length));
        buff.position(buff.position() + length);
        Document d = BsonDecoder.decodeBson(bson);
        return tag == TAG_DOCUMENT ? d : new KeyValue(new ArrayList<>(d.values()));
    }

    private static void bytes(WriteBuffer buff, Document d) {
        ByteBuf bson = Unpooled.buffer(256);
        BsonEncoder.encodeDocument(d, bson);
        buff.putVarInt(bson.readableBytes());
        buff.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), bson.readableBytes());
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
