package io.preverified.alerts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * An HTTP receiver for tests, standing in for a webhook receiver or Alertmanager's API:
 * answers with the statuses it is given, then {@code 200}, and records what it received
 * and how it answered. It can hold its answers until released.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final MockWebServer server = new MockWebServer();

	private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile int defaultAnswer = 200;

	private volatile CountDownLatch held = new CountDownLatch(0);

	private final AtomicInteger arrived = new AtomicInteger();

	private WebhookReceiver() {
		this.server.setDispatcher(new Dispatcher() {

			@Override
			public MockResponse dispatch(RecordedRequest request) {
				WebhookReceiver.this.arrived.incrementAndGet();
				try {
					WebhookReceiver.this.held.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
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

	public String baseUrl() {
		return this.server.url("/").toString();
	}

	/** Receives requests but answers none until {@link #release()}. */
	public void hold() {
		this.held = new CountDownLatch(1);
	}

	public void release() {
		this.held.countDown();
	}

	/** How many requests arrived, answered or held. */
	public int arrived() {
		return this.arrived.get();
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
		release();
		this.arrived.set(0);
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
