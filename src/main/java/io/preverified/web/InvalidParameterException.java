package io.preverified.web;

/**
 * Thrown when a request parameter cannot be used; answered with {@code 400} naming it.
 */
public class InvalidParameterException extends RuntimeException {

	private final String parameter;

	public InvalidParameterException(String parameter, String problem) {
		super("Parameter '" + parameter + "' " + problem);
		this.parameter = parameter;
	}

	public String getParameter() {
		return this.parameter;
	}

}
