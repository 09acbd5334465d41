package io.preverified.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A webhook receiver for tests: answers with the statuses it is given, then {@code 200},
 * and records what it received and how it answered.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final MockWebServer server = new MockWebServer();

	private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile int defaultAnswer = 200;

	private WebhookReceiver() {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				Integer next = WebhookReceiver.this.answers.poll();
				int status = (next != null) ? next : WebhookReceiver.this.defaultAnswer;
				WebhookReceiver.this.received.add(new Received(request, status));
				return new MockResponse.Builder().code(status).build();
			}

		});
	}

	public static WebhookReceiver start() {
		WebhookReceiver receiver = new WebhookReceiver();
		try {
			receiver.server.start(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return receiver;
	}

	public String url() {
		return this.server.url("/hooks/preverified").toString();
	}

	/** Answers the next deliveries with these statuses, in order. */
	public void answer(int... statuses) {
		for (int status : statuses) {
			this.answers.add(status);
		}
	}

	/** Answers every delivery without a queued answer with this status. */
	public void answerByDefault(int status) {
		this.defaultAnswer = status;
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	public List<Received> accepted() {
		return this.received.stream().filter((received) -> received.status() / 100 == 2).toList();
	}

	public void reset() {
		this.answers.clear();
		this.received.clear();
		this.defaultAnswer = 200;
	}

	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * A delivery and the status it was answered with.
	 *
	 * @param request the delivery
	 * @param status the answer
	 */
	public record Received(RecordedRequest request, int status) {

		public String body() {
			return this.request.getBody().utf8();
		}

		public String header(String name) {
			return this.request.getHeaders().get(name);
		}

	}

}
