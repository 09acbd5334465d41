package io.preverified.web;

import java.util.List;
import java.util.Optional;

/**
 * What some parameters of the API mean, with an example, for the API document: each
 * module declares those of its own paths as a bean, so that a parameter is described
 * beside the endpoints that take it.
 *
 * @param parameters the parameters
 */
public record ApiParameters(List<Parameter> parameters) {

	/**
	 * Descriptions of parameters.
	 * @param parameters the parameters
	 * @return them, as a bean to declare
	 */
	public static ApiParameters of(Parameter... parameters) {
		return new ApiParameters(List.of(parameters));
	}

	/**
	 * A parameter of the paths under a prefix.
	 * @param pathPrefix the paths it is taken by, such as {@code /api/v1/numbers}
	 * ({@code /} for every path)
	 * @param name its name, {@code id} for the path's variable
	 * @param description what it does
	 * @param example a value
	 * @return the parameter
	 */
	public static Parameter parameter(String pathPrefix, String name, String description, String example) {
		return new Parameter(pathPrefix, name, description, example);
	}

	/**
	 * The description of a parameter of a path: of the declarations of that name, the one
	 * with the longest prefix of the path.
	 * @param declared every module's parameters
	 * @param path the path
	 * @param name the parameter's name
	 * @return its description
	 */
	static Optional<Parameter> describe(List<ApiParameters> declared, String path, String name) {
		return declared.stream()
			.flatMap((parameters) -> parameters.parameters().stream())
			.filter((parameter) -> parameter.name().equals(name) && path.startsWith(parameter.pathPrefix()))
			.max((a, b) -> Integer.compare(a.pathPrefix().length(), b.pathPrefix().length()));
	}

	/**
	 * A parameter's meaning.
	 *
	 * @param pathPrefix the paths that take it
	 * @param name its name
	 * @param description what it does
	 * @param example a value
	 */
	public record Parameter(String pathPrefix, String name, String description, String example) {

	}

}
