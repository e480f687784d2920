package se.radhus.meetings.api;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat's socket write buffer, sized for the answers this service gives: a protocol's public rendering is
 * tens of kilobytes (a 30-§ meeting is 86 KB), and Tomcat writes a body through the buffer in pieces of its
 * size, 8 KB by default, so one such answer took eleven write calls and as many wake-ups of the reader (the
 * gateway). 64 KB makes it two.
 */
@Configuration(proxyBeanMethods = false)
class TomcatWrites {

    static final int WRITE_BUFFER = 64 * 1024;

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> socketWriteBuffer() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(WRITE_BUFFER)));
    }
}
