package se.radhus.meetings.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.radhus.common.domain.ProtectedNames;
import se.radhus.meetings.domain.Attendee;
import se.radhus.meetings.domain.Meeting;
import se.radhus.meetings.domain.Person;
import se.radhus.meetings.domain.Visibility.Protection;

/**
 * Who has a protected identity, as each view needs it: the registered persons, and a meeting's attendance
 * (an attendee whose person is protected is protected under the name the protocol gives; anyone else in
 * the attendance is someone the name must not be mistaken for).
 *
 * <p>The registry is read at most every {@value #FRESH_MILLIS} ms, and at once after a person is written
 * here; another replica sees a new person within that time.
 */
@Component
public class Protections {

    static final long FRESH_MILLIS = 2000;

    private record Snapshot(List<ProtectedNames.Person> persons, Set<String> protectedIds, Set<String> protectedNames,
                            ProtectedNames registry, long readAt, java.util.Map<List<Attendee>, Protection> byAttendance,
                            String fingerprint) {
    }

    /** The rules built for an attendance, kept with the snapshot (a read of a meeting compiles them once, not per request). */
    private static java.util.Map<List<Attendee>, Protection> cache() {
        return java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(java.util.Map.Entry<List<Attendee>, Protection> eldest) {
                return size() > 256;
            }
        });
    }

    private final PersonStore store;
    private volatile Snapshot snapshot;

    public Protections(PersonStore store) {
        this.store = store;
    }

    private Snapshot snapshot() {
        Snapshot s = snapshot;
        long now = System.nanoTime();
        if (s == null || now - s.readAt() > FRESH_MILLIS * 1_000_000) {
            List<Person> everyone = store.everyone();
            List<ProtectedNames.Person> persons = everyone.stream()
                    .map(p -> new ProtectedNames.Person(p.name(), p.party(), p.protectedIdentity())).toList();
            Set<String> ids = everyone.stream().filter(Person::protectedIdentity).map(Person::id).collect(Collectors.toUnmodifiableSet());
            Set<String> names = everyone.stream().filter(Person::protectedIdentity).map(p -> key(p.name())).collect(Collectors.toUnmodifiableSet());
            s = new Snapshot(persons, ids, names, ProtectedNames.of(persons), now, cache(), fingerprint(everyone));
            snapshot = s;
        }
        return s;
    }

    /** A digest of everything a public view depends on in the registry: every person's id, name, party and protection. */
    private static String fingerprint(List<Person> everyone) {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            everyone.stream().sorted(java.util.Comparator.comparing(Person::id)).forEach(p -> digest.update(
                    (p.id() + "\u0000" + p.name() + "\u0000" + p.party() + "\u0000" + p.protectedIdentity() + "\u0001")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What the registry looks like now, as a digest: equal digests mean equal public views of the same
     * meeting version, so a public rendering made under one may be served under the other.
     */
    public String fingerprint() {
        return snapshot().fingerprint();
    }

    private static String key(String name) {
        return ProtectedNames.prepared(name).strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    /** A person was written: read the registry again on the next view. */
    public void changed() {
        snapshot = null;
    }

    /** The protected persons, and the registered persons who share a word of a protected person's name (for peers, over gRPC). */
    public List<ProtectedNames.Person> relatedPersons() {
        Snapshot s = snapshot();
        Set<String> words = s.persons().stream().filter(ProtectedNames.Person::isProtected)
                .flatMap(p -> java.util.Arrays.stream(p.name().toLowerCase(java.util.Locale.ROOT).split("\\s+"))).collect(Collectors.toSet());
        return s.persons().stream().filter(p -> p.isProtected() || java.util.Arrays.stream(p.name().toLowerCase(java.util.Locale.ROOT)
                .split("\\s+")).anyMatch(words::contains)).toList();
    }

    /** The protection for texts outside a meeting. */
    public Protection registry() {
        Snapshot s = snapshot();
        return new Protection(s.registry(), s.protectedIds());
    }

    /** The protection for one meeting: the registry and the meeting's attendance. */
    public Protection of(Meeting m) {
        Snapshot s = snapshot();
        if (s.protectedIds().isEmpty() && s.registry().isEmpty()) {
            return Protection.NONE;
        }
        return s.byAttendance().computeIfAbsent(m.attendance(), attendance -> build(s, attendance));
    }

    private static Protection build(Snapshot s, List<Attendee> attendance) {
        List<ProtectedNames.Person> persons = new ArrayList<>(s.persons());
        for (Attendee a : attendance) {
            if (a.name() == null) {
                continue;
            }
            // an attendee is protected when their person is, or, with no person named (an imported protocol), when
            // the name is a protected person's: a namesake cannot be told apart there, so the name is hidden
            boolean isProtected = a.personId() != null ? s.protectedIds().contains(a.personId())
                    : s.protectedNames().contains(key(a.name()));
            boolean known = a.personId() != null && !isProtected;
            if (!known) {
                persons.add(new ProtectedNames.Person(a.name(), a.party(), isProtected));
            }
        }
        return new Protection(ProtectedNames.of(persons), s.protectedIds());
    }
}
