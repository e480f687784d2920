package se.radhus.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The gateway: one public HTTP surface in front of meetings, finance and procurement. */
@SpringBootApplication
public class GatewayApplication {

    /** Reactor Netty's event loops: one a core unless set (its own default is at least four). */
    static final String EVENT_LOOPS = "reactor.netty.ioWorkerCount";

    /** Netty's buffer allocator: its pooled one unless set (Netty 4.2's own default is its adaptive one). */
    static final String ALLOCATOR = "io.netty.allocator.type";

    public static void main(String[] args) {
        // Extra loops only take turns on the same cores: on two cores under load, four loops cost the gateway some
        // 8 % more CPU a request than two (bench/, interleaved runs). A container's CPU limit is what the JVM counts.
        defaultProperty(EVENT_LOOPS, String.valueOf(Runtime.getRuntime().availableProcessors()));
        // The adaptive allocator gives the reads of a large upstream answer (a 30-§ protocol, 86 KB) unpooled direct
        // buffers, and on JDK 25 Netty frees each by closing a shared Arena, a handshake with every thread of the
        // JVM: 10 % of the gateway's CPU in a profile of P2 (bench/). With the pooled allocator P2 went from some
        // 1 600 to 2 100 answers a second, and the gateway's CPU per answer from about 620 to 450 us.
        defaultProperty(ALLOCATOR, "pooled");
        SpringApplication.run(GatewayApplication.class, args);
    }

    /** Sets a JVM-wide default before any framework class reads it; a value the operator gave (-D) stays. */
    static void defaultProperty(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
