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
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] BODY = JSON.writeValueAsBytes(Problem.of("non-canonical-path",
            "Invalid request", 400, "The request target is not a valid URI: characters such as '[', '\\' or '|' must be escaped.").toMap());
    private static final byte[] TOO_LONG_URI = JSON.writeValueAsBytes(Problem.of("uri-too-long", "URI too long", 414,
            "The request target is longer than this API takes.").toMap());
    private static final byte[] TOO_LARGE_HEADERS = JSON.writeValueAsBytes(Problem.of("headers-too-large",
            "Request header fields too large", 431, "The request's headers are larger than this API takes.").toMap());
    private static final byte[] MALFORMED = JSON.writeValueAsBytes(Problem.of("bad-request", "Invalid request", 400,
            "The request could not be read as HTTP.").toMap());

    private boolean refused;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg); // the rest of a refused request
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            log.info("refused a request Netty could not decode: {}", cause == null ? "?" : cause.toString());
            refuse(ctx, msg, request, cause instanceof io.netty.handler.codec.TooLongFrameException && String.valueOf(cause.getMessage())
                    .toLowerCase(java.util.Locale.ROOT).contains("header") ? HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    : cause instanceof io.netty.handler.codec.TooLongFrameException ? HttpResponseStatus.REQUEST_URI_TOO_LONG
                    : HttpResponseStatus.BAD_REQUEST, cause instanceof io.netty.handler.codec.TooLongFrameException
                    ? (String.valueOf(cause.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("header") ? TOO_LARGE_HEADERS : TOO_LONG_URI)
                    : MALFORMED);
            return;
        }
        if (msg instanceof HttpRequest request && !parsable(request.uri())) {
            log.info("refused unparsable request target {} {}", request.method(), request.uri());
            refuse(ctx, msg, request, HttpResponseStatus.BAD_REQUEST, BODY);
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private void refuse(ChannelHandlerContext ctx, Object msg, HttpRequest request, HttpResponseStatus status, byte[] body) {
        refused = true;
        ReferenceCountUtil.release(msg);
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), status, Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length).set(HttpHeaderNames.CONNECTION, "close");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
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
            // right behind the HTTP codec, before Reactor Netty's own handler answers a request it could not decode
            return server -> server.doOnChannelInit((observer, channel, remote) -> {
                if (channel.pipeline().get(reactor.netty.NettyPipeline.HttpCodec) != null) {
                    channel.pipeline().addAfter(reactor.netty.NettyPipeline.HttpCodec, "radhus-unparsable-targets", new UnparsableTargets());
                }
            });
        }
    }
}
