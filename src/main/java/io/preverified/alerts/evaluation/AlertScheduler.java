package io.preverified.alerts.evaluation;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.preverified.alerts.AlertsEvaluated;
import io.preverified.alerts.AlertsProperties;
import io.preverified.alerts.delivery.AlertmanagerPusher;
import io.preverified.alerts.delivery.NotificationOutbox;
import io.preverified.alerts.delivery.WebhookSender;
import io.preverified.businesses.BusinessRemoved;
import io.preverified.numbers.NumbersChanged;
import io.preverified.sync.SyncRunEnded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * When alerts are evaluated and notifications sent: after every run of a business, every
 * {@code evaluation-interval} for all (then pushed to Alertmanager), and the outbox every
 * second, or every {@code webhook.initial-backoff} when that is shorter (not under 50
 * ms), so that a retry goes out when its backoff ends. Every evaluation of all ends with
 * {@link AlertsEvaluated}.
 */
@Component
public class AlertScheduler {

	private static final Logger logger = LoggerFactory.getLogger(AlertScheduler.class);

	private static final Duration OUTBOX_POLL = Duration.ofSeconds(1);

	private static final Duration SHORTEST_OUTBOX_POLL = Duration.ofMillis(50);

	private final AlertEvaluator evaluator;

	private final NotificationOutbox notifications;

	private final WebhookSender sender;

	private final AlertMetrics metrics;

	private final AlertmanagerPusher alertmanager;

	private final AlertsProperties properties;

	private final TaskScheduler taskScheduler;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ObservationRegistry observations;

	AlertScheduler(AlertEvaluator evaluator, NotificationOutbox notifications, WebhookSender sender,
			AlertMetrics metrics, AlertmanagerPusher alertmanager, AlertsProperties properties,
			TaskScheduler taskScheduler, ApplicationEventPublisher events, Clock clock,
			ObservationRegistry observations) {
		this.alertmanager = alertmanager;
		this.evaluator = evaluator;
		this.notifications = notifications;
		this.sender = sender;
		this.metrics = metrics;
		this.properties = properties;
		this.taskScheduler = taskScheduler;
		this.events = events;
		this.clock = clock;
		this.observations = observations;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		this.taskScheduler.scheduleWithFixedDelay(this::evaluateAll, this.properties.evaluationInterval());
		if (this.properties.webhook().enabled()) {
			this.taskScheduler.scheduleWithFixedDelay(this::deliver, outboxPoll());
		}
	}

	// on the run's thread: the evaluation is a child of the run's span
	@EventListener
	void runEnded(SyncRunEnded event) {
		guarded("evaluate the alerts of business " + event.businessId(), () -> evaluate(event.businessId()));
	}

	// its alerts resolve now, everywhere: they are in the database all replicas read
	@EventListener
	void businessRemoved(BusinessRemoved event) {
		guarded("resolve the alerts of business " + event.businessId(), () -> evaluate(null));
	}

	@EventListener
	void numbersChanged(NumbersChanged event) {
		guarded("evaluate the alerts of business " + event.businessId(), () -> evaluate(event.businessId()));
	}

	public void evaluateAll() {
		guarded("evaluate alerts", () -> evaluate(null));
		// what the last evaluation left, even if this one failed
		this.alertmanager.pushSoon();
		guarded("tell that alerts were evaluated",
				() -> this.events.publishEvent(new AlertsEvaluated(this.clock.instant())));
	}

	private Duration outboxPoll() {
		Duration backoff = this.properties.webhook().initialBackoff();
		Duration poll = (backoff.compareTo(OUTBOX_POLL) < 0) ? backoff : OUTBOX_POLL;
		return (poll.compareTo(SHORTEST_OUTBOX_POLL) > 0) ? poll : SHORTEST_OUTBOX_POLL;
	}

	void deliver() {
		guarded("deliver alert notifications", () -> {
			this.notifications.groupDue();
			this.sender.sendDue();
		});
	}

	// the alerts of one business, or of all
	private void evaluate(String businessId) {
		Observation.createNotStarted("preverified.alerts.evaluation", this.observations)
			.contextualName("alerts evaluation")
			.lowCardinalityKeyValue("business_id", (businessId != null) ? businessId : "all")
			.observe(() -> {
				if (businessId != null) {
					this.evaluator.evaluate(businessId);
					this.metrics.refresh(businessId);
				}
				else {
					this.evaluator.evaluate();
					this.metrics.refresh();
				}
			});
	}

	// a failed round is logged and the next one tries again: the schedule must go on
	private static void guarded(String what, Runnable task) {
		try {
			task.run();
		}
		catch (RuntimeException ex) {
			logger.error("Could not {}", what, ex);
		}
	}

}
