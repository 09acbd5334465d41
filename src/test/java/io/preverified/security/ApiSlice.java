package io.preverified.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.test.context.TestPropertySource;

/**
 * What a {@code @WebMvcTest} slice of an API controller needs beside the controller: the
 * API's security, with a READ key ({@link #READ_KEY}) and an ADMIN key
 * ({@link #ADMIN_KEY}) configured.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(SecurityConfiguration.class)
@EnableWebSecurity
@TestPropertySource(
		properties = { "preverified.api.keys[0].name=dashboards", "preverified.api.keys[0].key=" + ApiSlice.READ_KEY,
				"preverified.api.keys[0].role=READ", "preverified.api.keys[1].name=operators",
				"preverified.api.keys[1].key=" + ApiSlice.ADMIN_KEY, "preverified.api.keys[1].role=ADMIN" })
public @interface ApiSlice {

	/** A key with the READ role. */
	String READ_KEY = "read-key-of-the-dashboards-0123456789";

	/** A key with the ADMIN role. */
	String ADMIN_KEY = "admin-key-of-the-operators-0123456789";

	/** The {@code Authorization} header of the READ key. */
	String READER = "Bearer " + ApiSlice.READ_KEY;

	/** The {@code Authorization} header of the ADMIN key. */
	String ADMIN = "Bearer " + ApiSlice.ADMIN_KEY;

}
