package se.radhus.common.security;

/** A bearer token that cannot be trusted; the message says why, for the server's log only. */
public class InvalidToken extends RuntimeException {
    public InvalidToken(String message) {
        super(message, null, false, false);
    }
}
