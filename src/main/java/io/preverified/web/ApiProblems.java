package io.preverified.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.http.HttpStatus;

/**
 * The problems an endpoint answers beyond those every endpoint may answer (400, 401, 403
 * for a write with a READ key, 404 for a path with an id), so that the API document lists
 * them.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ApiProblems {

	/**
	 * The statuses, each with why it is answered.
	 * @return the problems
	 */
	Problem[] value();

	/**
	 * One problem status of an endpoint.
	 */
	@Target({})
	@Retention(RetentionPolicy.RUNTIME)
	@interface Problem {

		/**
		 * The status.
		 * @return the status
		 */
		HttpStatus status();

		/**
		 * When the endpoint answers it.
		 * @return the reason
		 */
		String when();

	}

}
