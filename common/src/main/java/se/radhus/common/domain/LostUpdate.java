package se.radhus.common.domain;

/**
 * A write based on a read that is no longer current: someone else changed the thing (or removed it) since
 * it was read at {@link #expectedVersion()}. The writer must read again and decide again.
 */
public class LostUpdate extends RuntimeException {

    private final String key;
    private final long expectedVersion;

    public LostUpdate(String key, long expectedVersion) {
        super(key + " is no longer at version " + expectedVersion, null, false, false);
        this.key = key;
        this.expectedVersion = expectedVersion;
    }

    public String key() {
        return key;
    }

    public long expectedVersion() {
        return expectedVersion;
    }
}
