package io.preverified.graphapi;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Makes the client's pauses instant and recorded: tests of retries and throttling do not
 * sleep.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingPauseSchedulerConfiguration {

	@Bean
	RecordingPauseScheduler recordingPauses() {
		return new RecordingPauseScheduler();
	}

}
