package io.preverified.businesses;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hears of changes to the stored businesses from PostgreSQL: a trigger notifies
 * {@code businesses_changed} on every change, and this replica, listening on a connection
 * of its own, reloads the directory at once. A lost connection is opened again; the
 * directory is also reloaded every {@link #RELOAD} and after every reconnection, so no
 * change is missed for longer.
 */
@Component
class BusinessChangeListener implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(BusinessChangeListener.class);

	static final String CHANNEL = "businesses_changed";

	private static final Duration WAKE_UP = Duration.ofSeconds(1);

	private static final Duration RELOAD = Duration.ofSeconds(30);

	private static final Duration RECONNECT = Duration.ofSeconds(5);

	private final DataSource dataSource;

	private final BusinessDirectory directory;

	private volatile boolean stopping;

	private Thread thread;

	BusinessChangeListener(DataSource dataSource, BusinessDirectory directory) {
		this.dataSource = dataSource;
		this.directory = directory;
	}

	@EventListener(ApplicationReadyEvent.class)
	synchronized void start() {
		this.thread = new Thread(this::listen, "businesses-listener");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void listen() {
		while (!this.stopping) {
			try (Connection connection = this.dataSource.getConnection()) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("LISTEN " + CHANNEL);
				}
				reload();
				PGConnection notifications = connection.unwrap(PGConnection.class);
				Instant reloaded = Instant.now();
				while (!this.stopping) {
					PGNotification[] received = notifications.getNotifications((int) WAKE_UP.toMillis());
					if ((received != null && received.length > 0)
							|| Duration.between(reloaded, Instant.now()).compareTo(RELOAD) >= 0) {
						reload();
						reloaded = Instant.now();
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!this.stopping) {
					logger.warn("Not listening for changes of businesses ({}); trying again in {}", ex.getMessage(),
							RECONNECT);
					pause();
				}
			}
		}
	}

	private void reload() {
		try {
			this.directory.reload();
		}
		catch (RuntimeException ex) {
			logger.error("Could not read the businesses again", ex);
		}
	}

	private void pause() {
		try {
			Thread.sleep(RECONNECT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.stopping = true;
		}
	}

	@Override
	public synchronized void destroy() throws InterruptedException {
		this.stopping = true;
		if (this.thread != null) {
			this.thread.interrupt();
			this.thread.join(WAKE_UP.multipliedBy(3).toMillis());
		}
	}

}
