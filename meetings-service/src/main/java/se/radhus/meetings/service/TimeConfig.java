package se.radhus.meetings.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock every "today" reads: Europe/Stockholm, where the law's days are counted. Tests (and a
 * rehearsal) fix the day with {@code radhus.today=YYYY-MM-DD}.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfig {

    static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    @Bean
    Clock clock(@Value("${radhus.today:}") String today) {
        if (today == null || today.isBlank()) {
            return Clock.system(STOCKHOLM);
        }
        return Clock.fixed(LocalDate.parse(today).atTime(12, 0).atZone(STOCKHOLM).toInstant(), STOCKHOLM);
    }
}
