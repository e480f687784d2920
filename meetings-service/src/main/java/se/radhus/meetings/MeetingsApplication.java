package se.radhus.meetings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** meetings-service: bodies, persons, the diarium, meetings and their decisions. */
@SpringBootApplication
@org.springframework.scheduling.annotation.EnableScheduling
public class MeetingsApplication {

    public static void main(String[] args) {
        SpringApplication.run(MeetingsApplication.class, args);
    }
}
