package se.radhus.gateway;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A gateway test against stub services: the gateway on a random port, its routes pointed at one set of
 * stubs for every test class of the module (started once, their event loops are daemon threads). Each test
 * looks for what it sent by its own paths, or counts what arrived before and after.
 */
abstract class StubbedGatewayTest {

    static final StubUpstreams UPSTREAMS = StubUpstreams.shared();

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        UPSTREAMS.register(registry);
    }

    @LocalServerPort
    int port;
}
