package io.preverified.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.method.HandlerMethod;

/**
 * The API document at {@code /v3/api-docs} (and Swagger UI): what the service is, the
 * bearer key with its roles, the RFC 9457 problem every error is, which problems each
 * endpoint answers, and what each query parameter means.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String SECURITY_SCHEME = "api-key";

	static final String PROBLEM_SCHEMA = "Problem";

	private static final String DESCRIPTION = """
			Watches the pools of pre-verified phone numbers that WhatsApp Business Solution Partners keep at \
			Meta, and acts on them: lists every number with its verification expiry, alerts before \
			verifications lapse, re-verifies, adds and deletes numbers, and hands numbers out for Embedded \
			Signup through reservations.

			Lists use the Graph API's envelope (`data`, `paging.cursors.after`, `paging.next`); times are \
			ISO-8601 UTC. Every error is an RFC 9457 problem (`application/problem+json`).""";

	private static final String ROLES = """
			An API key from `preverified.api.keys`, sent as `Authorization: Bearer <key>`. Role `READ`: every \
			GET endpoint. Role `ADMIN`: every endpoint, writes (POST, PATCH, DELETE) included. With no key \
			configured, reads are open and writes are refused unless `preverified.api.anonymous-writes` \
			is on.""";

	@Bean
	OpenAPI openApi(ObjectProvider<BuildProperties> build) {
		String version = build.stream().map(BuildProperties::getVersion).findFirst().orElse("development");
		return new OpenAPI().info(new Info().title("preverified-sync").version(version).description(DESCRIPTION))
			.components(new Components()
				.addSecuritySchemes(SECURITY_SCHEME,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.bearerFormat("API key")
							.description(ROLES))
				.addSchemas(PROBLEM_SCHEMA, problemSchema()))
			.addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
	}

	@SuppressWarnings("rawtypes")
	private static Schema<?> problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new StringSchema().example("about:blank"));
		properties.put("title", new StringSchema().example("Bad Request"));
		properties.put("status", new IntegerSchema().example(400));
		properties.put("detail", new StringSchema().example("limit must be between 1 and 1000, was 0"));
		properties.put("instance", new StringSchema().example("/api/v1/numbers"));
		properties.put("code", new IntegerSchema().description("Graph API error code, for problems from upstream"));
		properties.put("subcode", new IntegerSchema().description("Graph API error subcode"));
		properties.put("message", new StringSchema().description("Graph API error message"));
		properties.put("fbtrace_id", new StringSchema().description("Graph API trace id, for Meta's support"));
		return new ObjectSchema().description("An RFC 9457 problem").properties(properties);
	}

	// the problems every endpoint may answer, by what it is, and those it declares
	@Bean
	OperationCustomizer problemResponses() {
		return (operation, handler) -> {
			addProblem(operation, HttpStatus.BAD_REQUEST, "A parameter or the body is invalid; the detail names it");
			addProblem(operation, HttpStatus.UNAUTHORIZED, "No valid API key, while keys are configured");
			if (handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PatchMapping.class)
					|| handler.hasMethodAnnotation(DeleteMapping.class)) {
				addProblem(operation, HttpStatus.FORBIDDEN, "The key has the READ role; this endpoint needs ADMIN");
			}
			if (hasPathVariable(handler)) {
				addProblem(operation, HttpStatus.NOT_FOUND, "Nothing has this id");
			}
			ApiProblems declared = handler.getMethodAnnotation(ApiProblems.class);
			if (declared != null) {
				for (ApiProblems.Problem problem : declared.value()) {
					addProblem(operation, problem.status(), problem.when());
				}
			}
			return operation;
		};
	}

	private static boolean hasPathVariable(HandlerMethod handler) {
		return Arrays.stream(handler.getMethodParameters())
			.anyMatch((parameter) -> parameter.hasParameterAnnotation(PathVariable.class));
	}

	private static void addProblem(Operation operation, HttpStatus status, String when) {
		operation.getResponses()
			.addApiResponse(Integer.toString(status.value()), new ApiResponse()
				.description(status.getReasonPhrase() + ": " + when)
				.content(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
	}

	// what every list takes
	@Bean
	ApiParameters listParameters() {
		return ApiParameters.of(
				ApiParameters
					.parameter("/", "business_id", "Only those of this business (its id at Meta)", "506914307656634"),
				ApiParameters.parameter("/", "limit", "Items per page, 1 to 1000", "100"),
				ApiParameters.parameter("/", "after",
						"paging.cursors.after of the previous page, with the same filters",
						"azoyMDI2LTEyLTAyVDE5OjM3OjI0WnwxNzM0"));
	}

	// each parameter described once, by the module whose paths take it
	@Bean
	OpenApiCustomizer parameterDescriptions(List<ApiParameters> declared) {
		return (openApi) -> openApi.getPaths()
			.forEach((path, item) -> item.readOperations()
				.stream()
				.filter((operation) -> operation.getParameters() != null)
				.flatMap((operation) -> operation.getParameters().stream())
				.filter((parameter) -> parameter.getDescription() == null)
				.forEach((parameter) -> ApiParameters.describe(declared, path, parameter.getName())
					.ifPresent((described) -> parameter.description(described.description())
						.example(described.example()))));
	}

}
