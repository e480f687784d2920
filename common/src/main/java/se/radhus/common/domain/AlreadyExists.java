package se.radhus.common.domain;

/** A thing with that key (or another unique key) exists already: a second insert of it does not happen. */
public class AlreadyExists extends RuntimeException {

    private final String key;

    public AlreadyExists(String key) {
        super("already exists: " + key, null, false, false);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
