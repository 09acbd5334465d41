package io.preverified.alerts;

import java.time.Duration;

import org.springframework.stereotype.Component;

/**
 * How long before expiry a number can be re-verified
 * ({@code preverified.alerts.reverify-window}), for the modules that act on numbers:
 * upstream renews a verification only within it.
 */
@Component
public class ReverifyWindow {

	private final AlertsProperties properties;

	ReverifyWindow(AlertsProperties properties) {
		this.properties = properties;
	}

	/**
	 * The window.
	 * @return how long before expiry re-verification opens
	 */
	public Duration duration() {
		return this.properties.reverifyWindow();
	}

}
