package se.radhus.proto;

import com.google.protobuf.Any;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;

/**
 * Errors as every Rådhus service sends them over gRPC: a canonical code and a {@code google.rpc.Status}
 * whose {@code ErrorInfo} names the reason (UPPER_SNAKE), the domain (the service) and facts as metadata.
 */
public final class GrpcErrors {

    private GrpcErrors() {
    }

    public static StatusRuntimeException of(Status.Code code, String reason, String domain, String message,
                                            Map<String, String> metadata) {
        ErrorInfo info = ErrorInfo.newBuilder().setReason(reason).setDomain(domain).putAllMetadata(metadata).build();
        com.google.rpc.Status status = com.google.rpc.Status.newBuilder()
                .setCode(code.value()).setMessage(message == null ? "" : message).addDetails(Any.pack(info)).build();
        return StatusProto.toStatusRuntimeException(status);
    }

    /** A rule slug such as {@code insufficient-funds} as an ErrorInfo reason, {@code INSUFFICIENT_FUNDS}. */
    public static String reason(String slug) {
        return slug.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    /** The ErrorInfo of an error, if it carries one. */
    public static java.util.Optional<ErrorInfo> info(Throwable t) {
        com.google.rpc.Status status = StatusProto.fromThrowable(t);
        if (status == null) {
            return java.util.Optional.empty();
        }
        for (Any any : status.getDetailsList()) {
            if (any.is(ErrorInfo.class)) {
                try {
                    return java.util.Optional.of(any.unpack(ErrorInfo.class));
                } catch (com.google.protobuf.InvalidProtocolBufferException e) {
                    return java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.empty();
    }
}
