package se.radhus.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.radhus.common.api.Problem;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request target that is not a URI at all ({@code [}, {@code \}, {@code |} unescaped) never reaches
 * Spring, which would answer an empty 400: it gets the same problem+json as every other refusal, and
 * the connection is closed.
 */
final class UnparsableTargets extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(UnparsableTargets.class);
    private static final byte[] BODY = JsonMapper.builder().build().writeValueAsBytes(Problem.of("non-canonical-path",
            "Invalid request", 400, "The request target is not a valid URI: characters such as '[', '\\' or '|' must be escaped.").toMap());

    private boolean refused;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg); // the rest of a refused request
            return;
        }
        if (msg instanceof HttpRequest request && !parsable(request.uri())) {
            refused = true;
            log.info("refused unparsable request target {} {}", request.method(), request.uri());
            ReferenceCountUtil.release(msg);
            FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), HttpResponseStatus.BAD_REQUEST,
                    Unpooled.wrappedBuffer(BODY));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, BODY.length).set(HttpHeaderNames.CONNECTION, "close");
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    static boolean parsable(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Install {
        @Bean
        NettyServerCustomizer unparsableTargets() {
            return server -> server.doOnConnection(connection -> connection.addHandlerFirst("radhus-unparsable-targets",
                    new UnparsableTargets()));
        }
    }
}
