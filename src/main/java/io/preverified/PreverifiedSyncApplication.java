package io.preverified;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Keeps pools of WhatsApp pre-verified phone numbers in PostgreSQL and watches their
 * expiry.
 */
@SpringBootApplication
@EnableScheduling
public class PreverifiedSyncApplication {

	public static void main(String[] args) {
		SpringApplication.run(PreverifiedSyncApplication.class, args);
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
