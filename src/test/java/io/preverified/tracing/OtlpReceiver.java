package io.preverified.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A collector's OTLP/HTTP trace endpoint, as the OpenTelemetry Collector serves it:
 * {@code POST /v1/traces} of a protobuf {@code ExportTraceServiceRequest}, answered
 * {@code 200}. It keeps every span it receives, decoded.
 */
final class OtlpReceiver implements AutoCloseable {

	private final MockWebServer server = new MockWebServer();

	private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

	private final List<String> bodies = new CopyOnWriteArrayList<>();

	private OtlpReceiver() {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (!"POST".equals(request.getMethod()) || !request.getUrl().encodedPath().equals("/v1/traces")) {
					return new MockResponse.Builder().code(404).build();
				}
				receive(request.getBody().toByteArray());
				return new MockResponse.Builder().code(200).build();
			}

		});
	}

	static OtlpReceiver start() {
		OtlpReceiver receiver = new OtlpReceiver();
		try {
			receiver.server.start(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return receiver;
	}

	String endpoint() {
		return this.server.url("/v1/traces").toString();
	}

	List<ReceivedSpan> spans() {
		return List.copyOf(this.spans);
	}

	/**
	 * Every export as the text form of its protobuf: what a secret must not be found in.
	 * @return the exports
	 */
	List<String> exports() {
		return List.copyOf(this.bodies);
	}

	void clear() {
		this.spans.clear();
		this.bodies.clear();
	}

	private void receive(byte[] body) {
		ExportTraceServiceRequest request;
		try {
			request = ExportTraceServiceRequest.parseFrom(body);
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalStateException("Not an OTLP trace export", ex);
		}
		this.bodies.add(request.toString());
		request.getResourceSpansList()
			.forEach((resource) -> resource.getScopeSpansList()
				.forEach((scope) -> scope.getSpansList()
					.forEach((span) -> this.spans.add(new ReceivedSpan(hex(span.getTraceId().toByteArray()),
							hex(span.getSpanId().toByteArray()), hex(span.getParentSpanId().toByteArray()),
							span.getName(), span.getStartTimeUnixNano(), attributes(span.getAttributesList()),
							span.getEventsList().stream().map((event) -> event.getName()).toList())))));
	}

	private static Map<String, String> attributes(List<KeyValue> attributes) {
		Map<String, String> values = new LinkedHashMap<>();
		attributes.forEach((attribute) -> values.put(attribute.getKey(), text(attribute.getValue())));
		return values;
	}

	private static String text(AnyValue value) {
		return switch (value.getValueCase()) {
			case STRING_VALUE -> value.getStringValue();
			case INT_VALUE -> Long.toString(value.getIntValue());
			case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
			case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
			default -> value.toString();
		};
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

	/**
	 * A span as received.
	 *
	 * @param traceId its trace
	 * @param spanId its id
	 * @param parentSpanId its parent's id, empty for a root
	 * @param name its name
	 * @param startNanos when it started, in nanoseconds since the epoch
	 * @param attributes its attributes
	 * @param events the names of its events
	 */
	record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, long startNanos,
			Map<String, String> attributes, List<String> events) {

	}

}
