package se.radhus.meetings.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import se.radhus.common.domain.InvalidInput;
import se.radhus.common.domain.RuleViolation;

/**
 * A case document (handling) attached to a meeting's agenda: what it may be, checked before it is stored. Its
 * content must be what its type says (a PDF starts {@code %PDF-}, a PNG with its signature, a JPEG with
 * {@code FF D8 FF}, text is UTF-8 without NUL), so nothing is served under a type it is not.
 *
 * @param id          the service's id for it ({@code d-} and hex digits)
 * @param meetingId   the meeting whose agenda it belongs to
 * @param name        the file name shown
 * @param contentType one of {@link #TYPES}
 * @param size        bytes
 * @param sha256      the content's SHA-256, hex
 */
public record CaseDocument(String id, String meetingId, String name, String contentType, long size, String sha256) {

    /** The types a case document may have. */
    public static final List<String> TYPES = List.of("application/pdf", "text/plain", "image/png", "image/jpeg");

    private static final Pattern NAME = Pattern.compile("[^/\\\\\\p{Cntrl}]{1,200}");

    /** Thrown when the type is not one a case document may have (HTTP 415). */
    public static final class UnsupportedType extends RuleViolation {
        public UnsupportedType(String type) {
            super("unsupported-document-type", "A case document is one of " + String.join(", ", TYPES)
                    + (type == null || type.isBlank() ? "; the request names no Content-Type." : "; not " + type + "."));
        }
    }

    /** The media type without its parameters, lower-case; null when there is none. */
    public static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Checks a document before it is stored.
     *
     * @return its media type
     * @throws UnsupportedType for a type not in {@link #TYPES}
     * @throws InvalidInput    for a bad name, an empty or oversized body, or content that is not its type
     */
    public static String check(String name, String contentType, byte[] content, long maxSize) {
        if (name == null || !NAME.matcher(name).matches() || name.isBlank()) {
            throw new InvalidInput("name", "the file name: 1-200 characters, no '/', '\\' or control characters");
        }
        String type = mediaType(contentType);
        if (type == null || !TYPES.contains(type)) {
            throw new UnsupportedType(type);
        }
        if (content == null || content.length == 0) {
            throw new InvalidInput("content", "the document's bytes; the body is empty");
        }
        if (content.length > maxSize) {
            throw new InvalidInput("content", "at most " + maxSize + " bytes; this one is " + content.length);
        }
        if (!matches(type, content)) {
            throw new InvalidInput("content", "content of type " + type + "; these bytes are not");
        }
        return type;
    }

    static boolean matches(String type, byte[] b) {
        return switch (type) {
            case "application/pdf" -> startsWith(b, new byte[]{'%', 'P', 'D', 'F', '-'});
            case "image/png" -> startsWith(b, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            case "image/jpeg" -> startsWith(b, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
            case "text/plain" -> isUtf8Text(b);
            default -> false;
        };
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf8Text(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
