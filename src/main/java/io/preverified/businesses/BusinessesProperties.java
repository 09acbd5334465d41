package io.preverified.businesses;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The businesses of the configuration, bound from {@code preverified.businesses}.
 *
 * @param businesses the businesses
 */
@Validated
@ConfigurationProperties("preverified")
record BusinessesProperties(@Valid @NotNull @DefaultValue List<Configured> businesses) {

	BusinessesProperties {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < businesses.size(); i++) {
			Configured business = businesses.get(i);
			// named as set, which bean validation would name accessToken
			if (business.accessToken() == null || business.accessToken().isBlank()) {
				throw new IllegalArgumentException("preverified.businesses[" + i + "].access-token is empty: every "
						+ "business needs the token of a system user with business_management");
			}
			if (business.id() != null && !ids.add(business.id())) {
				throw new IllegalArgumentException(
						"preverified.businesses lists business id " + business.id() + " more than once");
			}
		}
	}

	/**
	 * A business of the configuration.
	 *
	 * @param id the business id at Meta
	 * @param name optional label
	 * @param accessToken token sent as a bearer token; never logged nor returned
	 */
	record Configured(
			@NotBlank @Pattern(regexp = "\\d{1,64}", message = "must be a business id of 1 to 64 digits") String id,
			String name, @NotBlank String accessToken) {

		Business business() {
			return new Business(this.id, this.name, this.accessToken, Business.Source.CONFIG, false);
		}

		@Override
		public String toString() {
			return "Configured[id=%s, name=%s]".formatted(this.id, this.name);
		}

	}

}
