package se.radhus.micronaut;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The one clock every "today" of finance and procurement reads: Europe/Stockholm, where the law's days
 * are counted (as meetings-service's). Tests and rehearsals fix the day with {@code radhus.today=YYYY-MM-DD}
 * ({@code RADHUS_TODAY}).
 */
@Factory
public class TimeFactory {

    /** Where the law's days are counted. */
    public static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Singleton
    Clock clock(@Value("${radhus.today:}") String today) {
        return stockholm(today);
    }

    /** The system clock in Stockholm, or noon of a fixed day there. */
    public static Clock stockholm(String today) {
        if (today == null || today.isBlank()) {
            return Clock.system(STOCKHOLM);
        }
        return Clock.fixed(LocalDate.parse(today).atTime(12, 0).atZone(STOCKHOLM).toInstant(), STOCKHOLM);
    }
}
