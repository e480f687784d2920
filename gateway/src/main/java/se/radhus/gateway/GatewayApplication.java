package se.radhus.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The gateway: one public HTTP surface in front of meetings, finance and procurement. */
@SpringBootApplication
public class GatewayApplication {

    /** Reactor Netty's event loops: one a core unless set (its own default is at least four). */
    static final String EVENT_LOOPS = "reactor.netty.ioWorkerCount";

    public static void main(String[] args) {
        // Extra loops only take turns on the same cores: on two cores under load, four loops cost the gateway some
        // 8 % more CPU a request than two (bench/, interleaved runs). A container's CPU limit is what the JVM counts.
        if (System.getProperty(EVENT_LOOPS) == null) {
            System.setProperty(EVENT_LOOPS, String.valueOf(Runtime.getRuntime().availableProcessors()));
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
